// ONVIF conformance of vigil-camsim, judged by a third-party client: the npm `onvif` package
// (agsh/onvif). Usage: node conformance.js DEVICE_SERVICE_URL USER PASSWORD [ptz]
// Prints one line per check; exits 0 when every check passed.
'use strict';
const { Cam } = require('onvif');

const [deviceUrl, username, password, ptzFlag] = process.argv.slice(2);
const url = new URL(deviceUrl);
let failures = 0;
let passes = 0;

function check(name, condition, detail) {
  if (condition) {
    passes++;
    console.log(`PASS ${name}`);
  } else {
    failures++;
    console.log(`FAIL ${name}${detail ? ': ' + detail : ''}`);
  }
}

function call(cam, method, ...args) {
  return new Promise((resolve, reject) => {
    cam[method](...args, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const timer = setTimeout(() => {
  console.log('FAIL timed out');
  process.exit(1);
}, 60000);

const cam = new Cam({ hostname: url.hostname, port: Number(url.port), path: url.pathname, username, password,
                      timeout: 15000, autoconnect: false });

(async () => {
  try {
    await call(cam, 'connect');
    check('connect (GetSystemDateAndTime, GetServices, GetProfiles, GetVideoSources)', true);

    const info = await call(cam, 'getDeviceInformation');
    check('device information', info && info.manufacturer === 'Vigil' && /CamSim/.test(info.model),
          JSON.stringify(info));

    const profiles = cam.profiles || [];
    check('two profiles', profiles.length === 2, `got ${profiles.length}`);
    const sizes = profiles.map(p => {
      const enc = p.videoEncoderConfiguration || {};
      const res = enc.resolution || {};
      return `${res.width}x${res.height}`;
    });
    check('main 1920x1080 and sub 640x360', sizes.includes('1920x1080') && sizes.includes('640x360'), sizes.join(','));

    for (const profile of profiles) {
      const token = profile.$ ? profile.$.token : profile.token;
      const stream = await call(cam, 'getStreamUri', { protocol: 'RTSP', profileToken: token });
      check(`stream URI of ${token}`, stream && /^rtsp:\/\/127\.0\.0\.1:\d+\/(main|sub)$/.test(stream.uri), stream && stream.uri);
      const snapshot = await call(cam, 'getSnapshotUri', { profileToken: token });
      check(`snapshot URI of ${token}`, snapshot && /^http:\/\/127\.0\.0\.1:\d+\/onvif\/snapshot/.test(snapshot.uri),
            snapshot && snapshot.uri);
    }

    if (ptzFlag === 'ptz') {
      const presets = await call(cam, 'getPresets', {});
      check('PTZ presets', presets && Object.keys(presets).length >= 2, JSON.stringify(presets));
      await call(cam, 'continuousMove', { x: 0.5, y: 0, zoom: 0 });
      await new Promise(resolve => setTimeout(resolve, 400));
      await call(cam, 'stop', {});
      const status = await call(cam, 'getStatus', {});
      check('PTZ moved', status && status.position && status.position.x > 0, JSON.stringify(status));
    }

    const subscription = await call(cam, 'createPullPointSubscription');
    check('pull-point subscription', subscription && subscription.subscriptionReference, JSON.stringify(subscription));
    const pulled = await call(cam, 'pullMessages', { messageLimit: 10 });
    const messages = pulled ? [].concat(pulled.notificationMessage || []) : [];
    const topics = messages.map(m => String(m.topic && (m.topic._ || m.topic)));
    check('motion state events', topics.some(t => /CellMotionDetector\/Motion/.test(t)), JSON.stringify(topics));
    const renewed = await call(cam, 'renew', {});
    check('renew', renewed && renewed.terminationTime, JSON.stringify(renewed));
    await call(cam, 'unsubscribe');
    check('unsubscribe', true);

    const wrong = new Cam({ hostname: url.hostname, port: Number(url.port), path: url.pathname, username,
                            password: password + 'x', timeout: 15000, autoconnect: false });
    try {
      await call(wrong, 'connect');
      await call(wrong, 'getDeviceInformation');
      check('wrong password refused', false, 'the camera accepted a wrong password');
    } catch (err) {
      check('wrong password refused', /NotAuthorized|not authorized|401/i.test(String(err.message || err)), String(err));
    }
  } catch (err) {
    check('no error', false, String(err && err.stack || err));
  }
  clearTimeout(timer);
  console.log(`${passes} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
})();
