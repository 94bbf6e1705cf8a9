<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>LiveFeed</name>
    <message>
        <source>The recorder is not running: live video starts with it.</source>
        <translation>La grabadora no está en marcha: el vídeo en directo empieza con ella.</translation>
    </message>
    <message>
        <source>The camera refuses the user name or password Vigil has for it.</source>
        <translation>La cámara rechaza el usuario o la contraseña que Vigil tiene para ella.</translation>
    </message>
</context>
<context>
    <name>SearchRunner</name>
    <message>
        <source>legal hold</source>
        <translation>retención legal</translation>
    </message>
</context>
<context>
    <name>vigil::app::Ctl</name>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation>Imprime JSON legible por máquina.</translation>
    </message>
    <message>
        <source>Seconds to wait for a catalog locked by another program (default: 5).</source>
        <translation>Segundos de espera cuando otro programa bloquea el catálogo (predeterminado: 5).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation>La orden que se ejecutará.</translation>
    </message>
    <message>
        <source>command [arguments…]</source>
        <translation>orden [argumentos…]</translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation>No se indicó ninguna orden.</translation>
    </message>
    <message>
        <source>--lock-timeout takes a number of seconds.</source>
        <translation>--lock-timeout espera un número de segundos.</translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation>Orden desconocida «%1».</translation>
    </message>
    <message>
        <source>vigilctl: %1</source>
        <translation>vigilctl: %1</translation>
    </message>
    <message>
        <source>Run &quot;vigilctl --help&quot; for the commands.</source>
        <translation>Ejecute «vigilctl --help» para ver las órdenes.</translation>
    </message>
    <message>
        <source>Data folder:    %1</source>
        <translation>Carpeta de datos: %1</translation>
    </message>
    <message>
        <source>Catalog:        %1 (version %2)</source>
        <translation>Catálogo:         %1 (versión %2)</translation>
    </message>
    <message>
        <source>Cameras:        %1</source>
        <translation>Cámaras:          %1</translation>
    </message>
    <message>
        <source>Free space:     %1 of %2</source>
        <translation>Espacio libre:    %1 de %2</translation>
    </message>
    <message>
        <source>Qt %1, FFmpeg %2, OpenCV %3, SQLite %4, libsodium %5</source>
        <translation>Qt %1, FFmpeg %2, OpenCV %3, SQLite %4, libsodium %5</translation>
    </message>
    <message>
        <source>Use: settings list | get KEY | set KEY VALUE | unset KEY</source>
        <translation>Uso: settings list | get CLAVE | set CLAVE VALOR | unset CLAVE</translation>
    </message>
    <message>
        <source>discover: probe only from this local address (repeatable; default: every network interface).</source>
        <translation>discover: sondea solo desde esta dirección local (repetible; predeterminado: todas las interfaces de red).</translation>
    </message>
    <message>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <source>discover: seconds to collect answers; probe: seconds to wait for each answer.</source>
        <translation>discover: segundos para recoger respuestas; probe: segundos de espera para cada respuesta.</translation>
    </message>
    <message>
        <source>User name for the camera.</source>
        <translation>Nombre de usuario de la cámara.</translation>
    </message>
    <message>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <source>password</source>
        <translation>contraseña</translation>
    </message>
    <message>
        <source>camera add: the camera&apos;s name.</source>
        <translation>camera add: el nombre de la cámara.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>--interface takes a local IPv4 address, not &quot;%1&quot;.</source>
        <translation>--interface espera una dirección IPv4 local, no «%1».</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds from 0 to 60.</source>
        <translation>--timeout espera un número de segundos entre 0 y 60.</translation>
    </message>
    <message>
        <source>%1  %2  %3</source>
        <translation>%1  %2  %3</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>No ONVIF camera answered.</source>
        <translation>Ninguna cámara ONVIF respondió.</translation>
    </message>
    <message>
        <source>Use: probe URL --user U --password PW</source>
        <translation>Uso: probe URL --user U --password CONTRASEÑA</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a camera address.</source>
        <translation>«%1» no es una dirección de cámara.</translation>
    </message>
    <message>
        <source>%1 %2 (firmware %3, serial %4)</source>
        <translation>%1 %2 (firmware %3, n.º de serie %4)</translation>
    </message>
    <message>
        <source>Clock offset: %1 s; login: %2; PTZ: %3; events: %4</source>
        <translation>Desfase del reloj: %1 s; inicio de sesión: %2; PTZ: %3; eventos: %4</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>main</source>
        <translation>principal</translation>
    </message>
    <message>
        <source>sub</source>
        <translation>secundario</translation>
    </message>
    <message>
        <source>%1 %2 %3x%4 %5 fps %6</source>
        <translation>%1 %2 %3x%4 %5 fps %6</translation>
    </message>
    <message>
        <source>No cameras yet. Add one with &quot;vigilctl camera add ADDRESS --user U --password PW&quot;.</source>
        <translation>Todavía no hay cámaras. Añada una con «vigilctl camera add DIRECCIÓN --user U --password CONTRASEÑA».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a camera number; &quot;vigilctl camera list&quot; shows them.</source>
        <translation>«%1» no es un número de cámara; «vigilctl camera list» los muestra.</translation>
    </message>
    <message>
        <source>Camera %1 removed. Its recordings stay until retention deletes them.</source>
        <translation>Cámara %1 quitada. Sus grabaciones se conservan hasta que la retención las borre.</translation>
    </message>
    <message>
        <source>The camera offers no H.264 or H.265 stream to record.</source>
        <translation>La cámara no ofrece ningún flujo H.264 ni H.265 que grabar.</translation>
    </message>
    <message>
        <source>Added camera %1: %2</source>
        <translation>Cámara %1 añadida: %2</translation>
    </message>
    <message>
        <source>discover: ask only this camera address, by unicast (repeatable; for networks that drop multicast).</source>
        <translation>discover: pregunta solo a esta dirección de cámara, por unicast (repetible; para redes que descartan la multidifusión).</translation>
    </message>
    <message>
        <source>--address takes a camera&apos;s IPv4 address, not &quot;%1&quot;.</source>
        <translation>--address espera la dirección IPv4 de una cámara, no «%1».</translation>
    </message>
    <message>
        <source>record: stop after this many seconds.</source>
        <translation>record: se detiene tras estos segundos.</translation>
    </message>
    <message>
        <source>segments, hold add: the camera&apos;s number (vigilctl camera list).</source>
        <translation>segments, hold add: el número de la cámara (vigilctl camera list).</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <source>segments, hold add: start, as 2026-11-29T14:30 (local) or …Z (UTC).</source>
        <translation>segments, hold add: inicio, como 2026-11-29T14:30 (hora local) o …Z (UTC).</translation>
    </message>
    <message>
        <source>time</source>
        <translation>hora</translation>
    </message>
    <message>
        <source>segments, hold add: end, like --from.</source>
        <translation>segments, hold add: fin, como --from.</translation>
    </message>
    <message>
        <source>hold add: the case or reference number.</source>
        <translation>hold add: el número de caso o de referencia.</translation>
    </message>
    <message>
        <source>case</source>
        <translation>caso</translation>
    </message>
    <message>
        <source>hold add: a note kept with the hold.</source>
        <translation>hold add: una nota guardada con la retención.</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>camera record: off, continuous, motion or schedule.</source>
        <translation>camera record: off (apagada), continuous (continua), motion (movimiento) o schedule (horario).</translation>
    </message>
    <message>
        <source>mode</source>
        <translation>modo</translation>
    </message>
    <message>
        <source>camera record: seven comma-separated groups of 24 hours (Monday first), each hour - (off), C (continuous) or M (motion).</source>
        <translation>camera record: siete grupos de 24 horas separados por comas (empezando el lunes); cada hora - (apagada), C (continua) o M (movimiento).</translation>
    </message>
    <message>
        <source>schedule</source>
        <translation>horario</translation>
    </message>
    <message>
        <source>camera record: days of footage to keep (0: no age limit).</source>
        <translation>camera record: días de imágenes que se guardan (0: sin límite de antigüedad).</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>camera record: seconds recorded before motion.</source>
        <translation>camera record: segundos grabados antes del movimiento.</translation>
    </message>
    <message>
        <source>camera record: seconds recorded after motion.</source>
        <translation>camera record: segundos grabados después del movimiento.</translation>
    </message>
    <message>
        <source>discover, probe, camera add: use the addresses the camera advertises, even when they differ from the one it was reached on (setting onvif/rewriteAddresses).</source>
        <translation>discover, probe, camera add: usar las direcciones que anuncia la cámara, aunque no sean aquella por la que se la alcanzó (ajuste onvif/rewriteAddresses).</translation>
    </message>
    <message>
        <source>Camera %1 (%2) now answers at %3: its address was updated (it was %4); its recordings continue under camera %1.</source>
        <translation>La cámara %1 (%2) responde ahora en %3: se actualizó su dirección (antes era %4); sus grabaciones siguen en la cámara %1.</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds from 1 to 600.</source>
        <translation>--timeout admite un número de segundos entre 1 y 600.</translation>
    </message>
    <message>
        <source>Password for the camera. Visible to other users in the process list: prefer --password-file, the VIGIL_CAMERA_PASSWORD environment variable, or typing it when asked (with --user and no password given, on a terminal).</source>
        <translation>Contraseña de la cámara. Otros usuarios la ven en la lista de procesos: es mejor --password-file, la variable de entorno VIGIL_CAMERA_PASSWORD o escribirla cuando se pida (con --user y sin contraseña, en un terminal).</translation>
    </message>
    <message>
        <source>Read the camera&apos;s password from the first line of this file.</source>
        <translation>Leer la contraseña de la cámara de la primera línea de este archivo.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>Contraseña de %1: </translation>
    </message>
    <message>
        <source>Your Vigil user (needed once an administrator exists); the password comes from $VIGIL_PASSWORD, --login-password-file or the terminal.</source>
        <translation>Su usuario de Vigil (necesario en cuanto existe un administrador); la contraseña se toma de $VIGIL_PASSWORD, --login-password-file o el terminal.</translation>
    </message>
    <message>
        <source>Read your Vigil password from the first line of this file.</source>
        <translation>Leer su contraseña de Vigil de la primera línea de este archivo.</translation>
    </message>
    <message>
        <source>user add: administrator, supervisor, clerk or viewer.</source>
        <translation>user add: administrator (administrador), supervisor, clerk (funcionario) o viewer (observador).</translation>
    </message>
    <message>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <source>user add: the person&apos;s full name.</source>
        <translation>user add: el nombre completo de la persona.</translation>
    </message>
    <message>
        <source>audit list: only this user&apos;s rows.</source>
        <translation>audit list: solo las filas de este usuario.</translation>
    </message>
    <message>
        <source>audit list: only rows of this action.</source>
        <translation>audit list: solo las filas de esta acción.</translation>
    </message>
    <message>
        <source>action</source>
        <translation>acción</translation>
    </message>
    <message>
        <source>Use: camera add URL --user U --password PW [--name N] | camera list | camera record ID [--mode M] [--schedule S] [--retention-days N] [--pre-roll S] [--post-roll S] | camera mask ID [set POLYGONS | clear] | camera remove ID</source>
        <translation>Uso: camera add URL --user U --password PW [--name N] | camera list | camera record ID [--mode M] [--schedule S] [--retention-days N] [--pre-roll S] [--post-roll S] | camera mask ID [set POLÍGONOS | clear] | camera remove ID</translation>
    </message>
    <message>
        <source>report transparency: the file to write; export: the package&apos;s new folder.</source>
        <translation>report transparency: el archivo que se escribe; export: la carpeta nueva del paquete.</translation>
    </message>
    <message>
        <source>export: why the footage is released.</source>
        <translation>export: por qué se entregan las imágenes.</translation>
    </message>
    <message>
        <source>export: include the original (unredacted) recording; needs a supervisor.</source>
        <translation>export: incluir la grabación original (sin ocultar nada); requiere un supervisor.</translation>
    </message>
    <message>
        <source>export: what to hide in a redacted video: faces, plates, or faces,plates.</source>
        <translation>export: qué ocultar en un vídeo anonimizado: faces (caras), plates (matrículas) o faces,plates.</translation>
    </message>
    <message>
        <source>what</source>
        <translation>qué</translation>
    </message>
    <message>
        <source>export: how: solid (default), pixelate or blur.</source>
        <translation>export: cómo: solid (cuadros sólidos, predeterminado), pixelate (pixelado) o blur (desenfoque).</translation>
    </message>
    <message>
        <source>effect</source>
        <translation>efecto</translation>
    </message>
    <message>
        <source>export: look for smaller faces on every frame (several times slower).</source>
        <translation>export: buscar también caras pequeñas en cada fotograma (varias veces más lento).</translation>
    </message>
    <message>
        <source>redact: render a package&apos;s redacted videos again and compare them.</source>
        <translation>redact: volver a generar los vídeos anonimizados de un paquete y compararlos.</translation>
    </message>
    <message>
        <source>export: the supervisor approving an original (password from $VIGIL_APPROVER_PASSWORD or the terminal).</source>
        <translation>export: el supervisor que aprueba un original (contraseña de $VIGIL_APPROVER_PASSWORD o del terminal).</translation>
    </message>
    <message>
        <source>Vigil command line.

Commands:
  info                   Data folder, catalog and library versions
  settings list          Settings with their values
  settings get KEY       Print one setting
  settings set KEY VALUE Change a setting
  settings unset KEY     Return a setting to its default
  discover               Find ONVIF cameras (WS-Discovery)
  probe URL              Read an ONVIF camera&apos;s identity, streams and capabilities
  camera add URL         Add a camera (ONVIF address, or an rtsp:// URL)
  camera list            The cameras Vigil knows
  camera remove ID       Remove a camera (its recordings stay until retention)
  camera record ID       How a camera records: --mode, --schedule, --retention-days, --pre-roll, --post-roll
  record                 Record every camera until stopped (or --duration S)
  status                 The running recorder&apos;s cameras, streams and alerts
  service install        Run the recorder as a systemd service (system service as root, else this user&apos;s); &quot;service uninstall&quot;, &quot;service status&quot;
  alerts [--camera ID]   Alerts, newest first; &quot;alerts ack ID|all&quot; acknowledges
  segments --camera ID   Recordings of a camera [--from T --to T]
  storage                Space used, free and held; days kept per camera
  catalog rebuild        Recreate the recordings index from the files
  hold add               Keep footage for a case: --camera ID --from T --to T --case C
  user add NAME          Add a user (--role); &quot;user list&quot;, &quot;user disable NAME&quot;, &quot;user enable NAME&quot;, &quot;user passwd NAME&quot;
  audit list             The audit log, newest first [--by USER --action A --camera ID]
  audit verify           Check that no audit row was changed, removed or reordered
  report transparency    Counts a town can publish: --from T --to T --out FILE.csv|json
  export                 An evidence package: --camera ID[,ID] --from T --to T --out FOLDER --case C --reason R [--redact faces,plates [--effect solid|pixelate|blur] [--thorough]] [--original [--approver USER]] [--zip]
  verify FOLDER          Check an evidence package&apos;s hashes and signature (exit 0: it holds; 1: it does not)
  redact --replay FOLDER Render a package&apos;s redacted videos again and compare their SHA-256 (exit 0: identical)</source>
        <translation>Línea de órdenes de Vigil.

Órdenes:
  info                   Carpeta de datos, catálogo y versiones de bibliotecas
  settings list          Ajustes con sus valores
  settings get CLAVE     Muestra un ajuste
  settings set CLAVE VALOR Cambia un ajuste
  settings unset CLAVE   Devuelve un ajuste a su valor predeterminado
  discover               Busca cámaras ONVIF (WS-Discovery)
  probe URL              Lee la identidad, los flujos y las capacidades de una cámara ONVIF
  camera add URL         Añade una cámara (dirección ONVIF o URL rtsp://)
  camera list            Las cámaras que Vigil conoce
  camera remove ID       Quita una cámara (sus grabaciones quedan hasta la retención)
  camera record ID       Cómo graba una cámara: --mode, --schedule, --retention-days, --pre-roll, --post-roll
  record                 Graba todas las cámaras hasta detenerlo (o --duration S)
  status                 Cámaras, flujos y alertas del grabador en marcha
  service install        Ejecuta el grabador como servicio de systemd (del sistema como root, si no de este usuario); «service uninstall», «service status»
  alerts [--camera ID]   Alertas, de la más reciente; «alerts ack ID|all» las da por vistas
  segments --camera ID   Grabaciones de una cámara [--from T --to T]
  storage                Espacio usado, libre y retenido; días guardados por cámara
  catalog rebuild        Rehace el índice de grabaciones a partir de los archivos
  hold add               Conserva imágenes para un caso: --camera ID --from T --to T --case C
  user add NOMBRE        Añade un usuario (--role); «user list», «user disable NOMBRE», «user enable NOMBRE», «user passwd NOMBRE»
  audit list             El registro de auditoría, de lo más reciente [--by USUARIO --action A --camera ID]
  audit verify           Comprueba que ninguna fila de auditoría se cambió, borró ni reordenó
  report transparency    Cifras que un municipio puede publicar: --from T --to T --out ARCHIVO.csv|json
  export                 Un paquete de pruebas: --camera ID[,ID] --from T --to T --out CARPETA --case C --reason R [--redact faces,plates [--effect solid|pixelate|blur] [--thorough]] [--original [--approver USUARIO]] [--zip]
  verify CARPETA         Comprueba los hashes y la firma de un paquete de pruebas (salida 0: es íntegro; 1: no lo es)
  redact --replay CARPETA Vuelve a generar los vídeos anonimizados de un paquete y compara su SHA-256 (salida 0: idénticos)</translation>
    </message>
    <message>
        <source>export: the package as one .zip file too, beside its folder.</source>
        <translation>export: el paquete también como un único archivo .zip, junto a su carpeta.</translation>
    </message>
</context>
<context>
    <name>vigil::app::CtlEvidence</name>
    <message>
        <source>vigilctl: %1</source>
        <translation>vigilctl: %1</translation>
    </message>
    <message>
        <source>use: redact --replay FOLDER (an evidence package).</source>
        <translation>uso: redact --replay CARPETA (un paquete de pruebas).</translation>
    </message>
    <message>
        <source>%1: identical (SHA-256 %2)</source>
        <translation>%1: idéntico (SHA-256 %2)</translation>
    </message>
    <message>
        <source>%1: DIFFERENT: the package has %2, the replay made %3</source>
        <translation>%1: DISTINTO: el paquete tiene %2, la repetición generó %3</translation>
    </message>
    <message>
        <source>use: verify FOLDER (an evidence package).</source>
        <translation>uso: verify CARPETA (un paquete de pruebas).</translation>
    </message>
    <message numerus="yes">
        <source>The package holds: the signature matches the manifest, and all %n file(s) match their SHA-256.</source>
        <translation>
            <numerusform>El paquete es íntegro: la firma corresponde al manifiesto y %n archivo coincide con su SHA-256.</numerusform>
            <numerusform>El paquete es íntegro: la firma corresponde al manifiesto y los %n archivos coinciden con su SHA-256.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed by the key with the fingerprint %1.</source>
        <translation>Firmado por la clave con la huella %1.</translation>
    </message>
    <message>
        <source>vigilctl: the package does not hold: %1 (%2)</source>
        <translation>vigilctl: el paquete no es íntegro: %1 (%2)</translation>
    </message>
    <message>
        <source>export needs --camera ID[,ID…] (vigilctl camera list).</source>
        <translation>export necesita --camera ID[,ID…] (vigilctl camera list).</translation>
    </message>
    <message>
        <source>export needs --from and --to, like 2026-11-29T14:30 (local time) or 2026-11-29T13:30:00Z (UTC).</source>
        <translation>export necesita --from y --to, como 2026-11-29T14:30 (hora local) o 2026-11-29T13:30:00Z (UTC).</translation>
    </message>
    <message>
        <source>export needs --out FOLDER (a new folder for the package).</source>
        <translation>export necesita --out CARPETA (una carpeta nueva para el paquete).</translation>
    </message>
    <message>
        <source>export needs --case (the case or request number) and --reason.</source>
        <translation>export necesita --case (el número de caso o de solicitud) y --reason.</translation>
    </message>
    <message>
        <source>--redact takes faces, plates or both (faces,plates), or none.</source>
        <translation>--redact admite faces, plates o ambos (faces,plates), o none.</translation>
    </message>
    <message>
        <source>--effect takes solid, pixelate or blur.</source>
        <translation>--effect admite solid, pixelate o blur.</translation>
    </message>
    <message>
        <source>export needs --redact (a redacted video), --original, or both.</source>
        <translation>export necesita --redact (un vídeo anonimizado), --original, o ambos.</translation>
    </message>
    <message>
        <source>Vigil password for %1: </source>
        <translation>Contraseña de Vigil de %1: </translation>
    </message>
    <message>
        <source>The approver&apos;s password could not be read.</source>
        <translation>No se pudo leer la contraseña de quien aprueba.</translation>
    </message>
    <message numerus="yes">
        <source>Evidence package written to %1 (%n file(s)).</source>
        <translation>
            <numerusform>Paquete de pruebas escrito en %1 (%n archivo).</numerusform>
            <numerusform>Paquete de pruebas escrito en %1 (%n archivos).</numerusform>
        </translation>
    </message>
    <message>
        <source>Manifest SHA-256: %1</source>
        <translation>SHA-256 del manifiesto: %1</translation>
    </message>
    <message>
        <source>The same package as one file: %1</source>
        <translation>El mismo paquete en un solo archivo: %1</translation>
    </message>
</context>
<context>
    <name>vigil::app::CtlPrivacy</name>
    <message>
        <source>vigilctl: %1</source>
        <translation>vigilctl: %1</translation>
    </message>
    <message>
        <source>use: camera mask ID | camera mask ID set &apos;[[[x,y],[x,y],[x,y]]]&apos; | camera mask ID clear (x and y from 0 to 1).</source>
        <translation>uso: camera mask ID | camera mask ID set &apos;[[[x,y],[x,y],[x,y]]]&apos; | camera mask ID clear (x e y de 0 a 1).</translation>
    </message>
    <message>
        <source>There is no camera %1.</source>
        <translation>No existe la cámara %1.</translation>
    </message>
    <message>
        <source>Camera %1 has no privacy mask now.</source>
        <translation>La cámara %1 ya no tiene máscaras de privacidad.</translation>
    </message>
    <message numerus="yes">
        <source>Camera %1 has %n privacy mask(s) now.</source>
        <translation>
            <numerusform>La cámara %1 tiene ahora %n máscara de privacidad.</numerusform>
            <numerusform>La cámara %1 tiene ahora %n máscaras de privacidad.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::app::CtlRecording</name>
    <message>
        <source>vigilctl: %1</source>
        <translation>vigilctl: %1</translation>
    </message>
    <message>
        <source>Run &quot;vigilctl --help&quot; for the commands.</source>
        <translation>Ejecute «vigilctl --help» para ver las órdenes.</translation>
    </message>
    <message>
        <source>Use: record [--duration S] | segments --camera ID [--from T --to T] | storage | catalog rebuild | hold add --camera ID --from T --to T --case C</source>
        <translation>Uso: record [--duration S] | segments --camera ID [--from T --to T] | storage | catalog rebuild | hold add --camera ID --from T --to T --case C</translation>
    </message>
    <message>
        <source>--%1 takes a date and time like 2026-11-29T14:30 (local time) or 2026-11-29T13:30:00Z (UTC), not &quot;%2&quot;.</source>
        <translation>--%1 espera una fecha y hora como 2026-11-29T14:30 (hora local) o 2026-11-29T13:30:00Z (UTC), no «%2».</translation>
    </message>
    <message>
        <source>--duration takes a number of seconds.</source>
        <translation>--duration espera un número de segundos.</translation>
    </message>
    <message>
        <source>Repaired %1 recordings left open by an earlier stop.</source>
        <translation>Se repararon %1 grabaciones que quedaron abiertas en una parada anterior.</translation>
    </message>
    <message>
        <source>No camera is set to record. Add one with &quot;vigilctl camera add&quot;.</source>
        <translation>Ninguna cámara está configurada para grabar. Añada una con «vigilctl camera add».</translation>
    </message>
    <message>
        <source>Recording %1 cameras into %2. Stop with Ctrl+C.</source>
        <translation>Grabando %1 cámaras en %2. Detenga con Ctrl+C.</translation>
    </message>
    <message>
        <source>Stopped. %1 recordings written; %2 video packets received, %3 dropped.</source>
        <translation>Detenido. %1 grabaciones escritas; %2 paquetes de vídeo recibidos, %3 descartados.</translation>
    </message>
    <message>
        <source>segments needs --camera ID (&quot;vigilctl camera list&quot; shows them).</source>
        <translation>segments necesita --camera ID («vigilctl camera list» las muestra).</translation>
    </message>
    <message>
        <source>No recordings of camera %1 in that time.</source>
        <translation>No hay grabaciones de la cámara %1 en ese intervalo.</translation>
    </message>
    <message>
        <source>%1  %2 – %3  %4  %5  %6</source>
        <translation>%1  %2 – %3  %4  %5  %6</translation>
    </message>
    <message>
        <source>gap   %1 – %2  %3</source>
        <translation>hueco %1 – %2  %3</translation>
    </message>
    <message>
        <source>Recordings:   %1</source>
        <translation>Grabaciones:  %1</translation>
    </message>
    <message>
        <source>Free space:   %1 of %2 (kept free: %3)</source>
        <translation>Espacio libre: %1 de %2 (se mantiene libre: %3)</translation>
    </message>
    <message>
        <source>Used:         %1; under legal hold: %2; quota: %3</source>
        <translation>Usado:        %1; en retención legal: %2; cuota: %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Writing:      %1/s</source>
        <translation>Escritura:    %1/s</translation>
    </message>
    <message>
        <source>%1  %2: %3 days kept (limit %4), %5, held %6</source>
        <translation>%1  %2: %3 días guardados (límite %4), %5, retenido %6</translation>
    </message>
    <message>
        <source>hold add needs --camera ID (or --camera all).</source>
        <translation>hold add necesita --camera ID (o --camera all).</translation>
    </message>
    <message>
        <source>hold add needs --from and --to.</source>
        <translation>hold add necesita --from y --to.</translation>
    </message>
    <message>
        <source>hold add needs --case with the case or reference number.</source>
        <translation>hold add necesita --case con el número de caso o de referencia.</translation>
    </message>
    <message>
        <source>Legal hold %1</source>
        <translation>Retención legal %1</translation>
    </message>
    <message>
        <source>There is no camera %1.</source>
        <translation>No existe la cámara %1.</translation>
    </message>
    <message>
        <source>Legal hold %1 added for case %2: %3 – %4. Retention will not delete this footage.</source>
        <translation>Retención legal %1 añadida para el caso %2: %3 – %4. La retención no borrará estas imágenes.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a camera number; &quot;vigilctl camera list&quot; shows them.</source>
        <translation>«%1» no es un número de cámara; «vigilctl camera list» las muestra.</translation>
    </message>
    <message>
        <source>--mode takes off, continuous, motion or schedule.</source>
        <translation>--mode espera off, continuous, motion o schedule.</translation>
    </message>
    <message>
        <source>--schedule takes seven comma-separated groups of 24 characters (Monday first), each - (off), C (continuous) or M (motion).</source>
        <translation>--schedule espera siete grupos de 24 caracteres separados por comas (empezando el lunes), cada uno - (apagada), C (continua) o M (movimiento).</translation>
    </message>
    <message>
        <source>--%1 takes a number from 0 to %2.</source>
        <translation>--%1 espera un número de 0 a %2.</translation>
    </message>
    <message>
        <source>Camera %1 records: %2; keeps %3 days; pre-roll %4 s, post-roll %5 s. A running recorder applies this within a minute.</source>
        <translation>La cámara %1 graba: %2; guarda %3 días; pregrabación %4 s, posgrabación %5 s. Un grabador en marcha lo aplica en menos de un minuto.</translation>
    </message>
    <message>
        <source>Index rebuilt from the files: %1 recordings; %2 unfinished files without video removed; %3 damaged files kept in %4; %5 files not written by Vigil left alone.</source>
        <translation>Índice reconstruido a partir de los archivos: %1 grabaciones; %2 archivos sin terminar y sin vídeo eliminados; %3 archivos dañados guardados en %4; %5 archivos que Vigil no escribió se dejaron intactos.</translation>
    </message>
</context>
<context>
    <name>vigil::app::CtlSecurity</name>
    <message>
        <source>vigilctl: the audit log cannot be written: %1</source>
        <translation>vigilctl: no se puede escribir el registro de auditoría: %1</translation>
    </message>
    <message>
        <source>vigilctl: %1</source>
        <translation>vigilctl: %1</translation>
    </message>
    <message>
        <source>vigilctl: no administrator exists yet, so nothing is protected. Add one with &quot;vigilctl user add NAME --role administrator&quot;.</source>
        <translation>vigilctl: todavía no existe ningún administrador, así que nada está protegido. Añada uno con «vigilctl user add NOMBRE --role administrator».</translation>
    </message>
    <message>
        <source>log in with --login USER (the password from $VIGIL_PASSWORD, --login-password-file or the terminal).</source>
        <translation>inicie sesión con --login USUARIO (la contraseña de $VIGIL_PASSWORD, --login-password-file o el terminal).</translation>
    </message>
    <message>
        <source>Vigil password for %1: </source>
        <translation>Contraseña de Vigil de %1: </translation>
    </message>
    <message>
        <source>no password given for %1.</source>
        <translation>no se dio ninguna contraseña para %1.</translation>
    </message>
    <message>
        <source>New password: </source>
        <translation>Contraseña nueva: </translation>
    </message>
    <message>
        <source>The same password again: </source>
        <translation>La misma contraseña otra vez: </translation>
    </message>
    <message>
        <source>vigilctl: the two passwords differ.</source>
        <translation>vigilctl: las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>activado</translation>
    </message>
    <message>
        <source>usage: vigilctl user add NAME --role ROLE | user list | user disable NAME | user enable NAME | user passwd NAME</source>
        <translation>uso: vigilctl user add NOMBRE --role ROL | user list | user disable NOMBRE | user enable NOMBRE | user passwd NOMBRE</translation>
    </message>
    <message>
        <source>--role takes administrator, supervisor, clerk or viewer.</source>
        <translation>--role admite administrator, supervisor, clerk o viewer.</translation>
    </message>
    <message>
        <source>the first user must be an administrator (--role administrator).</source>
        <translation>el primer usuario debe ser un administrador (--role administrator).</translation>
    </message>
    <message>
        <source>no password given for the new user.</source>
        <translation>no se dio ninguna contraseña para el usuario nuevo.</translation>
    </message>
    <message>
        <source>User %1 added (%2).</source>
        <translation>Usuario %1 añadido (%2).</translation>
    </message>
    <message>
        <source>User %1 disabled.</source>
        <translation>Usuario %1 desactivado.</translation>
    </message>
    <message>
        <source>User %1 enabled.</source>
        <translation>Usuario %1 activado.</translation>
    </message>
    <message>
        <source>no new password given.</source>
        <translation>no se dio ninguna contraseña nueva.</translation>
    </message>
    <message>
        <source>Password of %1 changed.</source>
        <translation>Contraseña de %1 cambiada.</translation>
    </message>
    <message>
        <source>unknown user command &quot;%1&quot;.</source>
        <translation>orden de usuario desconocida «%1».</translation>
    </message>
    <message numerus="yes">
        <source>The audit log is intact: %n row(s), none changed, removed or reordered.</source>
        <translation>
            <numerusform>El registro de auditoría está intacto: %n fila, ninguna cambiada, borrada ni reordenada.</numerusform>
            <numerusform>El registro de auditoría está intacto: %n filas, ninguna cambiada, borrada ni reordenada.</numerusform>
        </translation>
    </message>
    <message>
        <source>The audit log was tampered with: %1</source>
        <translation>El registro de auditoría fue manipulado: %1</translation>
    </message>
    <message>
        <source>usage: vigilctl audit list [--by USER] [--action A] [--camera ID] | audit verify</source>
        <translation>uso: vigilctl audit list [--by USUARIO] [--action A] [--camera ID] | audit verify</translation>
    </message>
    <message>
        <source>Transparency report written to %1.</source>
        <translation>Informe de transparencia escrito en %1.</translation>
    </message>
    <message>
        <source>vigilctl: cannot read the password file &quot;%1&quot;: %2</source>
        <translation>vigilctl: no se puede leer el archivo de contraseña «%1»: %2</translation>
    </message>
    <message>
        <source>usage: vigilctl report transparency --from T --to T --out FILE.pdf|FILE.csv|FILE.json (times like 2026-01-01 or 2026-01-01T00:00Z)</source>
        <translation>uso: vigilctl report transparency --from T --to T --out ARCHIVO.pdf|ARCHIVO.csv|ARCHIVO.json (fechas como 2026-01-01 o 2026-01-01T00:00Z)</translation>
    </message>
</context>
<context>
    <name>vigil::app::CtlService</name>
    <message>
        <source>vigilctl: Use: service install | uninstall | status</source>
        <translation>vigilctl: Uso: service install | uninstall | status</translation>
    </message>
    <message>
        <source>System service: %1</source>
        <translation>Servicio del sistema: %1</translation>
    </message>
    <message>
        <source>Service of this user: %1</source>
        <translation>Servicio de este usuario: %1</translation>
    </message>
    <message>
        <source>  installed</source>
        <translation>  instalado</translation>
    </message>
    <message>
        <source>  not installed</source>
        <translation>  no instalado</translation>
    </message>
    <message>
        <source>  enabled: %1, active: %2</source>
        <translation>  habilitado: %1, activo: %2</translation>
    </message>
    <message>
        <source>  systemd is not running here</source>
        <translation>  systemd no está en marcha aquí</translation>
    </message>
    <message>
        <source>  data folder: %1</source>
        <translation>  carpeta de datos: %1</translation>
    </message>
    <message>
        <source>  a recorder answers on this data folder</source>
        <translation>  un grabador responde en esta carpeta de datos</translation>
    </message>
    <message>
        <source>  no recorder answers on this data folder</source>
        <translation>  ningún grabador responde en esta carpeta de datos</translation>
    </message>
    <message>
        <source>vigilctl: %1</source>
        <translation>vigilctl: %1</translation>
    </message>
</context>
<context>
    <name>vigil::app::CtlStatus</name>
    <message>
        <source>vigilctl: %1</source>
        <translation>vigilctl: %1</translation>
    </message>
    <message>
        <source>Recorder %1 (process %2), running since %3.</source>
        <translation>Grabador %1 (proceso %2), en marcha desde %3.</translation>
    </message>
    <message>
        <source>%1 cameras: %2 online, %3 recording.</source>
        <translation>%1 cámaras: %2 conectadas, %3 grabando.</translation>
    </message>
    <message>
        <source>Recording has STOPPED: the disk is full of footage under legal hold.</source>
        <translation>La grabación se ha DETENIDO: el disco está lleno de imágenes en retención legal.</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>grabando</translation>
    </message>
    <message>
        <source>online, not recording</source>
        <translation>conectada, sin grabar</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>desconectada</translation>
    </message>
    <message>
        <source>  %1 %2: %3</source>
        <translation>  %1 %2: %3</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Alerts, newest first:</source>
        <translation>Alertas, de la más reciente a la más antigua:</translation>
    </message>
    <message>
        <source>  %1  %2</source>
        <translation>  %1  %2</translation>
    </message>
    <message>
        <source>1 alert acknowledged.</source>
        <translation>1 alerta dada por vista.</translation>
    </message>
    <message>
        <source>%1 alerts acknowledged.</source>
        <translation>%1 alertas dadas por vistas.</translation>
    </message>
    <message>
        <source>vigilctl: &quot;%1&quot; is not an alert number; &quot;vigilctl alerts&quot; shows them.</source>
        <translation>vigilctl: «%1» no es un número de alerta; «vigilctl alerts» las muestra.</translation>
    </message>
    <message>
        <source>Alert %1 acknowledged.</source>
        <translation>Alerta %1 dada por vista.</translation>
    </message>
    <message>
        <source>vigilctl: Use: alerts [--camera ID] [--json] | alerts ack ID|all</source>
        <translation>vigilctl: Uso: alerts [--camera ID] [--json] | alerts ack ID|all</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>No hay alertas.</translation>
    </message>
    <message>
        <source>%1  %2  %3  %4</source>
        <translation>%1  %2  %3  %4</translation>
    </message>
    <message>
        <source>seen by %1</source>
        <translation>vista por %1</translation>
    </message>
    <message>
        <source>NEW</source>
        <translation>NUEVA</translation>
    </message>
</context>
<context>
    <name>vigil::app::GuiApplication</name>
    <message>
        <source>Vigil: video management for small municipalities.</source>
        <translation>Vigil: gestión de vídeo para municipios pequeños.</translation>
    </message>
    <message>
        <source>Start with %1 simulated cameras on this computer (nothing is sent to the network).</source>
        <translation>Empieza con %1 cámaras simuladas en este equipo (no se envía nada a la red).</translation>
    </message>
    <message>
        <source>Vigil — Demo</source>
        <translation>Vigil — Demostración</translation>
    </message>
    <message>
        <source>These are Vigil&apos;s simulated demo cameras. They accept the user name &quot;%1&quot; and the password &quot;%2&quot;.</source>
        <translation>Son las cámaras simuladas de demostración de Vigil. Aceptan el nombre de usuario «%1» y la contraseña «%2».</translation>
    </message>
    <message>
        <source>Demo: %1 simulated cameras found on this computer.</source>
        <translation>Demostración: %1 cámaras simuladas encontradas en este equipo.</translation>
    </message>
    <message>
        <source>Add Cameras…</source>
        <translation>Añadir cámaras…</translation>
    </message>
    <message>
        <source>Starting the demo cameras…</source>
        <translation>Iniciando las cámaras de demostración…</translation>
    </message>
    <message>
        <source>Preparing the demo cameras&apos; video (first start only): %1 %, about %2 s left…</source>
        <translation>Preparando el vídeo de las cámaras de demostración (solo la primera vez): %1 %, quedan unos %2 s…</translation>
    </message>
    <message>
        <source>Preparing the demo cameras&apos; video (first start only)…</source>
        <translation>Preparando el vídeo de las cámaras de demostración (solo la primera vez)…</translation>
    </message>
    <message>
        <source>The demo cameras are not available: %1</source>
        <translation>Las cámaras de demostración no están disponibles: %1</translation>
    </message>
    <message>
        <source>Finding the demo cameras…</source>
        <translation>Buscando las cámaras de demostración…</translation>
    </message>
    <message>
        <source>Do not start a recorder when none runs for the data folder: the window only watches.</source>
        <translation>No iniciar un grabador cuando no hay ninguno en marcha para la carpeta de datos: la ventana solo observa.</translation>
    </message>
    <message>
        <source>No administrator yet: everyone at this computer may do everything. Create one in Settings ▸ Users.</source>
        <translation>Todavía no hay administrador: cualquiera en este equipo puede hacerlo todo. Cree uno en Ajustes ▸ Usuarios.</translation>
    </message>
    <message>
        <source>Change &amp;Password…</source>
        <translation>Cambiar la &amp;contraseña…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>Log &amp;Out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>&amp;Account (%1)</source>
        <translation>C&amp;uenta (%1)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>C&amp;uenta</translation>
    </message>
</context>
<context>
    <name>vigil::app::Recorder</name>
    <message>
        <source>Vigil&apos;s recording service: records every camera of a data folder, keeps its retention, and answers the window and vigilctl on a local socket. SIGTERM stops it cleanly; SIGHUP reads cameras and settings again.</source>
        <translation>Servicio de grabación de Vigil: graba todas las cámaras de una carpeta de datos, aplica su retención y responde a la ventana y a vigilctl por un socket local. SIGTERM lo detiene limpiamente; SIGHUP vuelve a leer cámaras y ajustes.</translation>
    </message>
    <message>
        <source>vigil-recorder: %1</source>
        <translation>vigil-recorder: %1</translation>
    </message>
    <message>
        <source>vigil-recorder: recording %1 cameras into %2.</source>
        <translation>vigil-recorder: grabando %1 cámaras en %2.</translation>
    </message>
</context>
<context>
    <name>vigil::catalog::AlertStore</name>
    <message>
        <source>reading the alerts</source>
        <translation>al leer las alertas</translation>
    </message>
    <message>
        <source>acknowledging the alert</source>
        <translation>al dar por vista la alerta</translation>
    </message>
    <message>
        <source>There is no alert %1.</source>
        <translation>No existe la alerta %1.</translation>
    </message>
    <message>
        <source>acknowledging the alerts</source>
        <translation>al dar por vistas las alertas</translation>
    </message>
</context>
<context>
    <name>vigil::catalog::ApprovalStore</name>
    <message>
        <source>saving the approval</source>
        <translation>al guardar la aprobación</translation>
    </message>
    <message>
        <source>This approval was decided already.</source>
        <translation>Esta aprobación ya se decidió.</translation>
    </message>
    <message>
        <source>This approval was used already.</source>
        <translation>Esta aprobación ya se usó.</translation>
    </message>
    <message>
        <source>reading the approvals</source>
        <translation>al leer las aprobaciones</translation>
    </message>
</context>
<context>
    <name>vigil::catalog::BookmarkStore</name>
    <message>
        <source>A bookmark must end after it starts.</source>
        <translation>Un marcador debe terminar después de empezar.</translation>
    </message>
    <message>
        <source>saving the bookmark</source>
        <translation>al guardar el marcador</translation>
    </message>
    <message>
        <source>reading the bookmarks</source>
        <translation>al leer los marcadores</translation>
    </message>
    <message>
        <source>changing the bookmark</source>
        <translation>al cambiar el marcador</translation>
    </message>
    <message>
        <source>There is no bookmark %1.</source>
        <translation>No existe el marcador %1.</translation>
    </message>
    <message>
        <source>The bookmark no longer exists.</source>
        <translation>El marcador ya no existe.</translation>
    </message>
    <message>
        <source>deleting the bookmark</source>
        <translation>al borrar el marcador</translation>
    </message>
</context>
<context>
    <name>vigil::catalog::CameraStore</name>
    <message>
        <source>counting the cameras</source>
        <translation>se contaban las cámaras</translation>
    </message>
    <message>
        <source>adding the camera &quot;%1&quot;</source>
        <translation>se añadía la cámara «%1»</translation>
    </message>
    <message>
        <source>This camera is already in Vigil (camera %1).</source>
        <translation>Esta cámara ya está en Vigil (cámara %1).</translation>
    </message>
    <message>
        <source>saving the camera&apos;s streams</source>
        <translation>se guardaban los flujos de la cámara</translation>
    </message>
    <message>
        <source>listing the cameras</source>
        <translation>se listaban las cámaras</translation>
    </message>
    <message>
        <source>There is no camera %1.</source>
        <translation>No existe la cámara %1.</translation>
    </message>
    <message>
        <source>removing camera %1</source>
        <translation>se quitaba la cámara %1</translation>
    </message>
    <message>
        <source>changing camera %1</source>
        <translation>al cambiar la cámara %1</translation>
    </message>
    <message>
        <source>updating camera %1</source>
        <translation>al actualizar la cámara %1</translation>
    </message>
    <message>
        <source>A camera needs a name.</source>
        <translation>Una cámara necesita un nombre.</translation>
    </message>
    <message>
        <source>A camera&apos;s name has at most %1 characters.</source>
        <translation>El nombre de una cámara tiene como máximo %1 caracteres.</translation>
    </message>
    <message>
        <source>renaming camera %1</source>
        <translation>al renombrar la cámara %1</translation>
    </message>
    <message>
        <source>enabling camera %1</source>
        <translation>al activar la cámara %1</translation>
    </message>
    <message>
        <source>disabling camera %1</source>
        <translation>al desactivar la cámara %1</translation>
    </message>
    <message>
        <source>changing how Vigil reaches camera %1</source>
        <translation>al cambiar cómo Vigil accede a la cámara %1</translation>
    </message>
    <message>
        <source>changing the privacy masks of camera %1</source>
        <translation>al cambiar las máscaras de privacidad de la cámara %1</translation>
    </message>
    <message>
        <source>reading camera %1</source>
        <translation>al leer la cámara %1</translation>
    </message>
</context>
<context>
    <name>vigil::catalog::Catalog</name>
    <message>
        <source>Cannot read the catalog &quot;%1&quot;. Check its permissions.</source>
        <translation>No se puede leer el catálogo «%1». Compruebe sus permisos.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Vigil catalog: it is not an SQLite database, or it is damaged. Vigil left it untouched. Restore it from a backup, or move it away to start a new catalog.</source>
        <translation>«%1» no es un catálogo de Vigil: no es una base de datos SQLite o está dañado. Vigil no lo ha modificado. Restáurelo desde una copia de seguridad o muévalo a otro sitio para empezar un catálogo nuevo.</translation>
    </message>
    <message>
        <source>Cannot open the catalog &quot;%1&quot;.</source>
        <translation>No se puede abrir el catálogo «%1».</translation>
    </message>
    <message>
        <source>reading the catalog</source>
        <translation>se leía el catálogo</translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation>se leía la versión del esquema</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an SQLite database, but not a Vigil catalog. Vigil left it untouched; choose another data folder with --data-dir.</source>
        <translation>«%1» es una base de datos SQLite, pero no un catálogo de Vigil. Vigil no la ha modificado; elija otra carpeta de datos con --data-dir.</translation>
    </message>
    <message>
        <source>The catalog &quot;%1&quot; was written by a newer version of Vigil (catalog version %2; this Vigil knows up to version %3). Install the newer Vigil again; the catalog was not changed.</source>
        <translation>El catálogo «%1» fue escrito por una versión más reciente de Vigil (versión de catálogo %2; este Vigil conoce hasta la versión %3). Vuelva a instalar el Vigil más reciente; el catálogo no se ha modificado.</translation>
    </message>
    <message>
        <source>switching the catalog to WAL mode</source>
        <translation>se pasaba el catálogo al modo WAL</translation>
    </message>
    <message>
        <source>configuring the catalog</source>
        <translation>se configuraba el catálogo</translation>
    </message>
    <message>
        <source>starting a catalog upgrade</source>
        <translation>se iniciaba la actualización del catálogo</translation>
    </message>
    <message>
        <source>upgrading the catalog to version %1</source>
        <translation>se actualizaba el catálogo a la versión %1</translation>
    </message>
    <message>
        <source>The catalog &quot;%1&quot; stayed locked by another program (another Vigil, or a database tool) for %2 seconds while %3. Close that program and try again.</source>
        <translation>El catálogo «%1» siguió bloqueado por otro programa (otro Vigil o una herramienta de bases de datos) durante %2 segundos mientras %3. Cierre ese programa y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The catalog &quot;%1&quot; is damaged (found while %2). Vigil left it untouched. Restore it from a backup, or move it away to start a new catalog.</source>
        <translation>El catálogo «%1» está dañado (se detectó mientras %2). Vigil no lo ha modificado. Restáurelo desde una copia de seguridad o muévalo a otro sitio para empezar un catálogo nuevo.</translation>
    </message>
    <message>
        <source>The disk holding the catalog &quot;%1&quot; is full (while %2). Free some space.</source>
        <translation>El disco que contiene el catálogo «%1» está lleno (mientras %2). Libere espacio.</translation>
    </message>
    <message>
        <source>Vigil cannot write the catalog &quot;%1&quot; (while %2). Check the permissions and the disk.</source>
        <translation>Vigil no puede escribir el catálogo «%1» (mientras %2). Compruebe los permisos y el disco.</translation>
    </message>
    <message>
        <source>A catalog error happened while %1.</source>
        <translation>Se produjo un error del catálogo mientras %1.</translation>
    </message>
    <message>
        <source>There is no catalog in &quot;%1&quot; yet, and Vigil may not create one there.</source>
        <translation>Todavía no hay catálogo en &quot;%1&quot;, y Vigil no puede crear uno allí.</translation>
    </message>
    <message>
        <source>The catalog &quot;%1&quot; is from an older Vigil and must be upgraded, but Vigil may only read it here. Start the recorder (or run Vigil as its user) once to upgrade it.</source>
        <translation>El catálogo &quot;%1&quot; es de un Vigil anterior y debe actualizarse, pero aquí Vigil solo puede leerlo. Inicie el grabador (o ejecute Vigil como su usuario) una vez para actualizarlo.</translation>
    </message>
    <message>
        <source>The recordings index could not be copied into its compact form.</source>
        <translation>No se pudo copiar el índice de grabaciones a su forma compacta.</translation>
    </message>
    <message>
        <source>opening the catalog</source>
        <translation>al abrir el catálogo</translation>
    </message>
</context>
<context>
    <name>vigil::catalog::EventStore</name>
    <message>
        <source>An event must end after it starts.</source>
        <translation>Un evento debe terminar después de empezar.</translation>
    </message>
    <message>
        <source>saving an event</source>
        <translation>al guardar un evento</translation>
    </message>
    <message>
        <source>reading the events</source>
        <translation>al leer los eventos</translation>
    </message>
</context>
<context>
    <name>vigil::catalog::GapRecord</name>
    <message>
        <source>Vigil was not recording</source>
        <translation>Vigil no estaba grabando</translation>
    </message>
    <message>
        <source>The camera was offline</source>
        <translation>La cámara estaba desconectada</translation>
    </message>
</context>
<context>
    <name>vigil::catalog::RedactionProjectStore</name>
    <message>
        <source>saving the redaction</source>
        <translation>al guardar la redacción</translation>
    </message>
    <message>
        <source>reading the redaction</source>
        <translation>al leer la redacción</translation>
    </message>
</context>
<context>
    <name>vigil::catalog::RequestStore</name>
    <message>
        <source>A request numbered &quot;%1&quot; exists already.</source>
        <translation>Ya existe una solicitud con el número «%1».</translation>
    </message>
    <message>
        <source>saving the request</source>
        <translation>guardar la solicitud</translation>
    </message>
    <message>
        <source>reading the requests</source>
        <translation>leer las solicitudes</translation>
    </message>
</context>
<context>
    <name>vigil::catalog::SegmentStore</name>
    <message>
        <source>indexing the recording %1</source>
        <translation>al indexar la grabación %1</translation>
    </message>
    <message>
        <source>removing a recording from the index</source>
        <translation>al quitar una grabación del índice</translation>
    </message>
    <message>
        <source>reading the recordings index</source>
        <translation>al leer el índice de grabaciones</translation>
    </message>
    <message>
        <source>rebuilding the recordings index</source>
        <translation>al rehacer el índice de grabaciones</translation>
    </message>
    <message>
        <source>recording a gap in the recordings</source>
        <translation>al anotar un hueco en las grabaciones</translation>
    </message>
    <message>
        <source>recording an alert</source>
        <translation>al anotar una alerta</translation>
    </message>
    <message>
        <source>reading the legal holds</source>
        <translation>al leer las retenciones legales</translation>
    </message>
    <message>
        <source>counting the recordings</source>
        <translation>contando las grabaciones</translation>
    </message>
</context>
<context>
    <name>vigil::catalog::SettingsStore</name>
    <message>
        <source>Language of the user interface (en, es); empty follows the system</source>
        <translation>Idioma de la interfaz (en, es); vacío sigue al sistema</translation>
    </message>
    <message>
        <source>A setting needs a name.</source>
        <translation>Un ajuste necesita un nombre.</translation>
    </message>
    <message>
        <source>The setting &quot;%1&quot; cannot hold a value of type %2.</source>
        <translation>El ajuste «%1» no admite un valor de tipo %2.</translation>
    </message>
    <message>
        <source>saving the setting &quot;%1&quot;</source>
        <translation>se guardaba el ajuste «%1»</translation>
    </message>
    <message>
        <source>removing the setting &quot;%1&quot;</source>
        <translation>se eliminaba el ajuste «%1»</translation>
    </message>
    <message>
        <source>listing the settings</source>
        <translation>se listaban los ajustes</translation>
    </message>
    <message>
        <source>There is no setting called &quot;%1&quot;. &quot;vigilctl settings list&quot; shows them all.</source>
        <translation>No existe ningún ajuste llamado «%1». «vigilctl settings list» los muestra todos.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes true or false.</source>
        <translation>«%1» admite true o false.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid value for &quot;%2&quot;.</source>
        <translation>«%1» no es un valor válido para «%2».</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid value for &quot;%2&quot;; use one of: %3.</source>
        <translation>«%1» no es un valor válido para «%2»; use uno de estos: %3.</translation>
    </message>
    <message>
        <source>Use the address a camera was reached on instead of the (wrong) addresses it advertises</source>
        <translation>Usar la dirección por la que se alcanzó la cámara en lugar de las direcciones (erróneas) que anuncia</translation>
    </message>
    <message>
        <source>Length of a recording file in seconds (files are cut on keyframes)</source>
        <translation>Duración de un archivo de grabación en segundos (se corta en fotogramas clave)</translation>
    </message>
    <message>
        <source>Most space recordings may use, in MB; 0: no quota (free space still applies)</source>
        <translation>Espacio máximo para grabaciones, en MB; 0: sin cuota (el espacio libre sigue aplicándose)</translation>
    </message>
    <message>
        <source>Free space to keep on the recordings disk, in MB (the smaller of this and the percentage)</source>
        <translation>Espacio libre que se mantiene en el disco de grabaciones, en MB (el menor entre este y el porcentaje)</translation>
    </message>
    <message>
        <source>Free space to keep on the recordings disk, in percent of its size</source>
        <translation>Espacio libre que se mantiene en el disco de grabaciones, en porcentaje de su tamaño</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a number from %2 to %3.</source>
        <translation>«%1» espera un número de %2 a %3.</translation>
    </message>
    <message>
        <source>Record only while a Vigil window is open: the window starts the recorder and closing it stops recording (off: the recorder runs on its own)</source>
        <translation>Grabar solo mientras haya una ventana de Vigil abierta: la ventana inicia el grabador y al cerrarla se detiene la grabación (desactivado: el grabador funciona por su cuenta)</translation>
    </message>
    <message>
        <source>IPv4 addresses of the network cards the camera search uses, separated by commas (the card on the cameras&apos; network); empty: every card</source>
        <translation>Direcciones IPv4 de las tarjetas de red que usa la búsqueda de cámaras, separadas por comas (la tarjeta de la red de las cámaras); vacío: todas las tarjetas</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes IPv4 addresses of this computer separated by commas, not &quot;%2&quot;.</source>
        <translation>«%1» admite direcciones IPv4 de este equipo separadas por comas, no «%2».</translation>
    </message>
    <message>
        <source>The Live page&apos;s grid as last shown (JSON: columns and the camera of each tile)</source>
        <translation>La cuadrícula de la página En directo tal como se mostró por última vez (JSON: columnas y la cámara de cada recuadro)</translation>
    </message>
    <message>
        <source>Live page grids saved by name (JSON)</source>
        <translation>Cuadrículas de la página En directo guardadas por nombre (JSON)</translation>
    </message>
    <message>
        <source>Minutes without use after which the window locks and asks for the password again (0: never; once an administrator exists)</source>
        <translation>Minutos sin uso tras los que la ventana se bloquea y vuelve a pedir la contraseña (0: nunca; una vez que existe un administrador)</translation>
    </message>
    <message>
        <source>Footage older than this many days is played back only with a reason, which the audit log keeps (0: never asked)</source>
        <translation>Las imágenes con más de estos días solo se reproducen con un motivo, que guarda el registro de auditoría (0: nunca se pregunta)</translation>
    </message>
    <message>
        <source>Days to answer a court&apos;s request for footage</source>
        <translation>Días para responder a la solicitud de imágenes de un juzgado</translation>
    </message>
    <message>
        <source>Days to answer a prosecutor&apos;s request for footage</source>
        <translation>Días para responder a la solicitud de imágenes de la fiscalía</translation>
    </message>
    <message>
        <source>Days to answer a police request for footage</source>
        <translation>Días para responder a una solicitud de imágenes de la policía</translation>
    </message>
    <message>
        <source>Days to answer a citizen&apos;s public-records request</source>
        <translation>Días para responder a la solicitud de acceso a la información de un ciudadano</translation>
    </message>
    <message>
        <source>Days to answer a request from the press</source>
        <translation>Días para responder a una solicitud de la prensa</translation>
    </message>
</context>
<context>
    <name>vigil::control::ControlClient</name>
    <message>
        <source>The recorder of %1 does not accept this user. Ask for membership of its group (&quot;vigil&quot;).</source>
        <translation>El grabador de %1 no acepta a este usuario. Pida ser miembro de su grupo («vigil»).</translation>
    </message>
    <message>
        <source>No recorder is running for %1. Start it with &quot;vigil-recorder&quot; (or the vigil-recorder service).</source>
        <translation>No hay ningún grabador en marcha para %1. Inícielo con «vigil-recorder» (o el servicio vigil-recorder).</translation>
    </message>
    <message>
        <source>The recorder of %1 did not answer.</source>
        <translation>El grabador de %1 no respondió.</translation>
    </message>
    <message>
        <source>Not connected to the recorder.</source>
        <translation>No hay conexión con el grabador.</translation>
    </message>
    <message>
        <source>The recorder refused: %1</source>
        <translation>El grabador lo rechazó: %1</translation>
    </message>
    <message>
        <source>The recorder closed the connection.</source>
        <translation>El grabador cerró la conexión.</translation>
    </message>
    <message>
        <source>The recorder did not answer in time.</source>
        <translation>El grabador no respondió a tiempo.</translation>
    </message>
</context>
<context>
    <name>vigil::control::ControlServer</name>
    <message>
        <source>The recorder cannot open its control socket &quot;%1&quot;: %2</source>
        <translation>El grabador no puede abrir su socket de control «%1»: %2</translation>
    </message>
    <message>
        <source>This program speaks another version of the recorder&apos;s protocol (the recorder speaks version %1). Install the same Vigil version.</source>
        <translation>Este programa habla otra versión del protocolo del grabador (el grabador habla la versión %1). Instale la misma versión de Vigil.</translation>
    </message>
    <message>
        <source>Which camera? A trigger needs a camera number.</source>
        <translation>¿Qué cámara? Un disparo necesita un número de cámara.</translation>
    </message>
    <message>
        <source>The recorder does not know the request &quot;%1&quot;.</source>
        <translation>El grabador no conoce la petición «%1».</translation>
    </message>
    <message>
        <source>Log in first: this recorder&apos;s footage is protected (&quot;%1&quot; refused).</source>
        <translation>Inicie sesión primero: las grabaciones de este grabador están protegidas («%1» rechazado).</translation>
    </message>
    <message>
        <source>%1 may not see camera %2.</source>
        <translation>%1 no puede ver la cámara %2.</translation>
    </message>
</context>
<context>
    <name>vigil::control::FrameReader</name>
    <message>
        <source>A message of %1 bytes was refused (the most is %2).</source>
        <translation>Se rechazó un mensaje de %1 bytes (el máximo es %2).</translation>
    </message>
    <message>
        <source>A frame of unknown kind %1 was refused.</source>
        <translation>Se rechazó una trama de tipo desconocido %1.</translation>
    </message>
    <message>
        <source>A message that is not a JSON object with a type was refused.</source>
        <translation>Se rechazó un mensaje que no es un objeto JSON con tipo.</translation>
    </message>
    <message>
        <source>A live packet that cannot be read was refused.</source>
        <translation>Se rechazó un paquete en directo que no se puede leer.</translation>
    </message>
</context>
<context>
    <name>vigil::control::LiveChannel</name>
    <message>
        <source>The recorder is not running: live video starts with it.</source>
        <translation>La grabadora no está en marcha: el vídeo en directo empieza con ella.</translation>
    </message>
</context>
<context>
    <name>vigil::demo::SimulatorProcess</name>
    <message>
        <source>the camera simulator could not be started (%1).</source>
        <translation>no se pudo iniciar el simulador de cámaras (%1).</translation>
    </message>
    <message>
        <source>the camera simulator stopped unexpectedly. Restart Vigil with --demo to start it again; the log has the details.</source>
        <translation>el simulador de cámaras se detuvo inesperadamente. Reinicie Vigil con --demo para iniciarlo de nuevo; el registro tiene los detalles.</translation>
    </message>
    <message>
        <source>the camera simulator stopped (exit code %1). Restart Vigil with --demo to start it again; the log has the details.</source>
        <translation>el simulador de cámaras se detuvo (código de salida %1). Reinicie Vigil con --demo para iniciarlo de nuevo; el registro tiene los detalles.</translation>
    </message>
</context>
<context>
    <name>vigil::evidence::Approvals</name>
    <message>
        <source>Waiting for a supervisor</source>
        <translation>Esperando a un supervisor</translation>
    </message>
    <message>
        <source>Granted: ready to export</source>
        <translation>Concedida: lista para exportar</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Denegada</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportada</translation>
    </message>
    <message>
        <source>Choose the cameras and the time range.</source>
        <translation>Elija las cámaras y el intervalo de tiempo.</translation>
    </message>
    <message>
        <source>There is no such approval.</source>
        <translation>No existe esa aprobación.</translation>
    </message>
    <message>
        <source>An original must be approved by someone other than the person who exports it.</source>
        <translation>Un original debe aprobarlo alguien distinto de quien lo exporta.</translation>
    </message>
    <message>
        <source>No supervisor has granted this export yet.</source>
        <translation>Ningún supervisor ha concedido todavía esta exportación.</translation>
    </message>
    <message>
        <source>A supervisor refused this export.</source>
        <translation>Un supervisor denegó esta exportación.</translation>
    </message>
    <message>
        <source>This approval was used already: each approval makes one package.</source>
        <translation>Esta aprobación ya se usó: cada aprobación sirve para un paquete.</translation>
    </message>
    <message>
        <source>This approval was given to %1, not to you.</source>
        <translation>Esta aprobación se concedió a %1, no a usted.</translation>
    </message>
    <message>
        <source>The approval does not cover this camera.</source>
        <translation>La aprobación no incluye esta cámara.</translation>
    </message>
    <message>
        <source>The approval does not cover this time range.</source>
        <translation>La aprobación no incluye este intervalo de tiempo.</translation>
    </message>
    <message>
        <source>The supervisor who granted this approval can no longer approve.</source>
        <translation>El supervisor que concedió esta aprobación ya no puede aprobar.</translation>
    </message>
</context>
<context>
    <name>vigil::evidence::EvidencePackage</name>
    <message>
        <source>Cannot write &quot;%1&quot;.</source>
        <translation>No se puede escribir «%1».</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Se canceló la exportación.</translation>
    </message>
    <message>
        <source>Cannot read &quot;%1&quot;.</source>
        <translation>No se puede leer «%1».</translation>
    </message>
    <message>
        <source>There is no folder &quot;%1&quot;.</source>
        <translation>No existe la carpeta «%1».</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>Falta %1.</translation>
    </message>
    <message>
        <source>public_key.pem does not hold an Ed25519 public key.</source>
        <translation>public_key.pem no contiene una clave pública Ed25519.</translation>
    </message>
    <message>
        <source>The signature does not match the manifest: %1 was changed.</source>
        <translation>La firma no corresponde al manifiesto: se modificó %1.</translation>
    </message>
    <message>
        <source>manifest.json is not valid JSON: %1</source>
        <translation>manifest.json no es JSON válido: %1</translation>
    </message>
    <message>
        <source>%1 was changed: its SHA-256 is not the one in the signed manifest.</source>
        <translation>Se modificó %1: su SHA-256 no es el del manifiesto firmado.</translation>
    </message>
    <message>
        <source>%1 was added: the signed manifest does not list it.</source>
        <translation>Se añadió %1: el manifiesto firmado no lo incluye.</translation>
    </message>
    <message>
        <source>SHA256SUMS is not in sha256sum&apos;s format.</source>
        <translation>SHA256SUMS no tiene el formato de sha256sum.</translation>
    </message>
    <message>
        <source>SHA256SUMS does not agree with the signed manifest.</source>
        <translation>SHA256SUMS no coincide con el manifiesto firmado.</translation>
    </message>
    <message>
        <source>HOW TO CHECK THIS EVIDENCE PACKAGE

This folder was made by Vigil. Its files can be checked with standard tools; no Vigil program is needed.

1. Every file is unchanged:
     sha256sum -c SHA256SUMS
   Every line must end in &quot;OK&quot;. (On Windows: certutil -hashfile FILE SHA256, and compare with the line for FILE.)

2. The manifest is the one this installation signed:
     openssl pkeyutl -verify -pubin -inkey public_key.pem -rawin -in manifest.json -sigfile manifest.sig
   It must say &quot;Signature Verified Successfully&quot;. manifest.json lists the SHA-256 of every file of the package and of every recorded file the footage came from.

3. The key is the installation&apos;s:
     openssl pkey -pubin -in public_key.pem -outform DER | sha256sum
   must print the key&apos;s fingerprint:
     %1
   which the installation shows in Help &gt; About Vigil (ask its owner to read it to you).

4. With Vigil: &quot;vigilctl verify FOLDER&quot; does steps 1 and 2, and names the first file that does not hold. &quot;vigilctl redact --replay FOLDER&quot; renders the redacted video again from the original and redaction.json and compares the hashes.
</source>
        <translation>CÓMO COMPROBAR ESTE PAQUETE DE PRUEBAS

Esta carpeta la creó Vigil. Sus archivos se pueden comprobar con herramientas estándar; no hace falta ningún programa de Vigil.

1. Ningún archivo ha cambiado:
     sha256sum -c SHA256SUMS
   Cada línea debe terminar en «OK». (En Windows: certutil -hashfile ARCHIVO SHA256, y compárelo con la línea de ARCHIVO).

2. El manifiesto es el que firmó esta instalación:
     openssl pkeyutl -verify -pubin -inkey public_key.pem -rawin -in manifest.json -sigfile manifest.sig
   Debe decir «Signature Verified Successfully». manifest.json enumera el SHA-256 de cada archivo del paquete y de cada archivo grabado del que proceden las imágenes.

3. La clave es la de la instalación:
     openssl pkey -pubin -in public_key.pem -outform DER | sha256sum
   debe mostrar la huella de la clave:
     %1
   que la instalación muestra en Ayuda &gt; Acerca de Vigil (pida a su responsable que se la lea).

4. Con Vigil: «vigilctl verify CARPETA» hace los pasos 1 y 2 y nombra el primer archivo que no es íntegro. «vigilctl redact --replay CARPETA» vuelve a generar el vídeo anonimizado a partir del original y de redaction.json y compara los hashes.
</translation>
    </message>
    <message>
        <source>The .zip file &quot;%1&quot; cannot be written.</source>
        <translation>No se puede escribir el archivo .zip «%1».</translation>
    </message>
    <message>
        <source>renaming it failed</source>
        <translation>no se pudo cambiar su nombre</translation>
    </message>
</context>
<context>
    <name>vigil::evidence::EvidenceReport</name>
    <message>
        <source>The package&apos;s report (a PDF) needs Vigil&apos;s window or vigilctl.</source>
        <translation>El informe del paquete (un PDF) necesita la ventana de Vigil o vigilctl.</translation>
    </message>
    <message>
        <source>Evidence package</source>
        <translation>Paquete de pruebas</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Solicitante</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Base legal</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Exported by</source>
        <translation>Exportado por</translation>
    </message>
    <message>
        <source>Original approved by</source>
        <translation>Original aprobado por</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Vigil version</source>
        <translation>Versión de Vigil</translation>
    </message>
    <message>
        <source>Signing key fingerprint (SHA-256)</source>
        <translation>Huella de la clave de firma (SHA-256)</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Cámaras</translation>
    </message>
    <message>
        <source>%1 (camera %2)</source>
        <translation>%1 (cámara %2)</translation>
    </message>
    <message>
        <source>First frame</source>
        <translation>Primer fotograma</translation>
    </message>
    <message>
        <source>Last frame</source>
        <translation>Último fotograma</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Vídeo</translation>
    </message>
    <message>
        <source>Recorded files</source>
        <translation>Archivos grabados</translation>
    </message>
    <message>
        <source>Footage</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Nothing was recorded in this time range.</source>
        <translation>No se grabó nada en este intervalo de tiempo.</translation>
    </message>
    <message>
        <source>Redaction</source>
        <translation>Anonimización</translation>
    </message>
    <message>
        <source>Files and their SHA-256</source>
        <translation>Archivos y su SHA-256</translation>
    </message>
    <message>
        <source>manifest.json lists these and every other file of the package, with the SHA-256 of each recorded file the footage came from.</source>
        <translation>manifest.json enumera estos y todos los demás archivos del paquete, con el SHA-256 de cada archivo grabado del que proceden las imágenes.</translation>
    </message>
    <message>
        <source>How to verify</source>
        <translation>Cómo comprobarlo</translation>
    </message>
    <message>
        <source>Evidence package %1</source>
        <translation>Paquete de pruebas %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be written.</source>
        <translation>No se puede escribir «%1».</translation>
    </message>
    <message>
        <source>%1 face tracks, %2 plate and text tracks, %3 drawn regions, %4 privacy masks; effect: %5</source>
        <translation>%1 pistas de caras, %2 pistas de matrículas y textos, %3 regiones dibujadas, %4 máscaras de privacidad; efecto: %5</translation>
    </message>
    <message>
        <source>(inverted: everything hidden except the chosen tracks)</source>
        <translation>(invertida: todo oculto salvo las pistas elegidas)</translation>
    </message>
    <message numerus="yes">
        <source>sound kept, %n stretch(es) muted</source>
        <translation>
            <numerusform>sonido conservado, %n tramo silenciado</numerusform>
            <numerusform>sonido conservado, %n tramos silenciados</numerusform>
        </translation>
    </message>
    <message>
        <source>sound removed</source>
        <translation>sonido quitado</translation>
    </message>
    <message>
        <source>solid boxes</source>
        <translation>recuadros opacos</translation>
    </message>
    <message>
        <source>pixelation</source>
        <translation>pixelado</translation>
    </message>
    <message>
        <source>strong blur</source>
        <translation>desenfoque fuerte</translation>
    </message>
</context>
<context>
    <name>vigil::evidence::ExportJob</name>
    <message>
        <source>Choose at least one camera.</source>
        <translation>Elija al menos una cámara.</translation>
    </message>
    <message>
        <source>Releasing original (unredacted) footage needs a supervisor&apos;s approval.</source>
        <translation>Entregar imágenes originales (sin anonimizar) requiere la aprobación de un supervisor.</translation>
    </message>
    <message>
        <source>An original must be approved by someone other than the person who exports it.</source>
        <translation>Un original debe aprobarlo una persona distinta de quien lo exporta.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>El final debe ser posterior al inicio.</translation>
    </message>
    <message>
        <source>Choose what the package holds: the original, the redacted video, or both.</source>
        <translation>Elija qué contiene el paquete: el original, el vídeo anonimizado o ambos.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; exists already: choose a new folder for the package.</source>
        <translation>«%1» ya existe: elija una carpeta nueva para el paquete.</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Se canceló la exportación.</translation>
    </message>
    <message>
        <source>Cannot make the folder &quot;%1&quot;.</source>
        <translation>No se puede crear la carpeta «%1».</translation>
    </message>
    <message>
        <source>There is no camera %1.</source>
        <translation>No existe la cámara %1.</translation>
    </message>
    <message>
        <source>The recording &quot;%1&quot; cannot be read.</source>
        <translation>No se puede leer la grabación «%1».</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>Exportando %1</translation>
    </message>
    <message>
        <source>Finding faces and plates: %1</source>
        <translation>Buscando caras y matrículas: %1</translation>
    </message>
    <message>
        <source>Hiding faces and plates: %1</source>
        <translation>Ocultando caras y matrículas: %1</translation>
    </message>
    <message>
        <source>Nothing was recorded in this time range.</source>
        <translation>No se grabó nada en este intervalo de tiempo.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;.</source>
        <translation>No se puede escribir «%1».</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>Escribiendo el informe</translation>
    </message>
    <message>
        <source>Signing the package</source>
        <translation>Firmando el paquete</translation>
    </message>
    <message>
        <source>Cannot move the package to &quot;%1&quot;.</source>
        <translation>No se puede mover el paquete a «%1».</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>The footage of %1 is not the one that was reviewed: review it again.</source>
        <translation>Las imágenes de %1 no son las que se revisaron: revíselas de nuevo.</translation>
    </message>
    <message>
        <source>Writing the .zip file</source>
        <translation>Escribiendo el archivo .zip</translation>
    </message>
</context>
<context>
    <name>vigil::evidence::OriginalRemux</name>
    <message>
        <source>The recording &quot;%1&quot; cannot be read.</source>
        <translation>No se puede leer la grabación «%1».</translation>
    </message>
    <message>
        <source>The recording &quot;%1&quot; has no video.</source>
        <translation>La grabación «%1» no tiene vídeo.</translation>
    </message>
    <message>
        <source>Nothing was recorded in this time range.</source>
        <translation>No se grabó nada en este intervalo de tiempo.</translation>
    </message>
    <message>
        <source>The export file cannot be made.</source>
        <translation>No se puede crear el archivo de exportación.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;.</source>
        <translation>No se puede escribir «%1».</translation>
    </message>
    <message>
        <source>The camera changed its video format within the range (at %1): export the time before and after it separately.</source>
        <translation>La cámara cambió su formato de vídeo dentro del intervalo (a las %1): exporte por separado el tiempo anterior y el posterior.</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Se canceló la exportación.</translation>
    </message>
</context>
<context>
    <name>vigil::evidence::Replay</name>
    <message>
        <source>The package does not hold (%1: %2): a replay would prove nothing.</source>
        <translation>El paquete no es íntegro (%1: %2): repetirlo no probaría nada.</translation>
    </message>
    <message>
        <source>The package has no redaction log (redaction.json): it holds no redacted video.</source>
        <translation>El paquete no tiene registro de anonimización (redaction.json): no contiene vídeo anonimizado.</translation>
    </message>
    <message>
        <source>No temporary folder can be made.</source>
        <translation>No se puede crear una carpeta temporal.</translation>
    </message>
    <message>
        <source>The package has no original: the replay needs the installation&apos;s recordings (run it on the PC that made the package).</source>
        <translation>El paquete no tiene el original: la repetición necesita las grabaciones de la instalación (ejecútela en el PC que creó el paquete).</translation>
    </message>
    <message>
        <source>The recording &quot;%1&quot; is not the one the package was made from.</source>
        <translation>La grabación «%1» no es aquella con la que se creó el paquete.</translation>
    </message>
    <message>
        <source>The original of camera %1 is not the one the redaction log was made from.</source>
        <translation>El original de la cámara %1 no es aquel con el que se hizo el registro de anonimización.</translation>
    </message>
</context>
<context>
    <name>vigil::evidence::Requests</name>
    <message>
        <source>Court</source>
        <translation>Juzgado</translation>
    </message>
    <message>
        <source>Prosecutor</source>
        <translation>Fiscalía</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Policía</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Ciudadano</translation>
    </message>
    <message>
        <source>Press</source>
        <translation>Prensa</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>In redaction</source>
        <translation>En anonimización</translation>
    </message>
    <message>
        <source>Awaiting approval</source>
        <translation>Pendiente de aprobación</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Denegada</translation>
    </message>
    <message>
        <source>A request needs its number.</source>
        <translation>Una solicitud necesita su número.</translation>
    </message>
    <message>
        <source>Choose who asks for the footage.</source>
        <translation>Elija quién solicita las imágenes.</translation>
    </message>
    <message>
        <source>The footage asked for must end after it starts.</source>
        <translation>Las imágenes solicitadas deben terminar después de empezar.</translation>
    </message>
    <message>
        <source>Request %1</source>
        <translation>Solicitud %1</translation>
    </message>
    <message>
        <source>Unknown request status &quot;%1&quot;.</source>
        <translation>Estado de solicitud desconocido «%1».</translation>
    </message>
    <message>
        <source>There is no request %1.</source>
        <translation>No existe la solicitud %1.</translation>
    </message>
    <message>
        <source>Request %1 is closed (%2).</source>
        <translation>La solicitud %1 está cerrada (%2).</translation>
    </message>
</context>
<context>
    <name>vigil::evidence::ReviewMaterial</name>
    <message>
        <source>No temporary folder can be made.</source>
        <translation>No se puede crear una carpeta temporal.</translation>
    </message>
</context>
<context>
    <name>vigil::live::PtzControl</name>
    <message>
        <source>This camera cannot pan, tilt or zoom.</source>
        <translation>Esta cámara no puede girar, inclinarse ni hacer zoom.</translation>
    </message>
</context>
<context>
    <name>vigil::media::CameraErrors</name>
    <message>
        <source>The camera %1 cannot be reached.</source>
        <translation>No se puede contactar con la cámara %1.</translation>
    </message>
    <message>
        <source>The camera %1 refused the user name or password.</source>
        <translation>La cámara %1 rechazó el usuario o la contraseña.</translation>
    </message>
    <message>
        <source>The camera %1 does not offer this stream now.</source>
        <translation>La cámara %1 no ofrece este flujo ahora.</translation>
    </message>
    <message>
        <source>The camera %1 ended the stream.</source>
        <translation>La cámara %1 terminó el flujo.</translation>
    </message>
    <message>
        <source>The camera %1 stopped answering (%2).</source>
        <translation>La cámara %1 dejó de responder (%2).</translation>
    </message>
    <message>
        <source>The camera %1 sent a stream Vigil cannot read (%2).</source>
        <translation>La cámara %1 envió un flujo que Vigil no puede leer (%2).</translation>
    </message>
</context>
<context>
    <name>vigil::media::FfmpegSource</name>
    <message>
        <source>connecting</source>
        <translation>al conectar</translation>
    </message>
    <message>
        <source>The camera %1 sends no H.264 or H.265 video.</source>
        <translation>La cámara %1 no envía vídeo H.264 ni H.265.</translation>
    </message>
    <message>
        <source>reading the stream</source>
        <translation>al leer el flujo</translation>
    </message>
    <message>
        <source>receiving video</source>
        <translation>al recibir vídeo</translation>
    </message>
</context>
<context>
    <name>vigil::media::Mp4Texts</name>
    <message>
        <source>Cannot read the recording &quot;%1&quot;.</source>
        <translation>No se puede leer la grabación «%1».</translation>
    </message>
</context>
<context>
    <name>vigil::media::PrivacyMask</name>
    <message>
        <source>The privacy masks are not a list of polygons.</source>
        <translation>Las máscaras de privacidad no son una lista de polígonos.</translation>
    </message>
    <message>
        <source>A privacy mask needs at least three corners.</source>
        <translation>Una máscara de privacidad necesita al menos tres esquinas.</translation>
    </message>
    <message>
        <source>A privacy mask&apos;s corner lies outside the picture.</source>
        <translation>Una esquina de una máscara de privacidad queda fuera de la imagen.</translation>
    </message>
</context>
<context>
    <name>vigil::media::RtspReaderSource</name>
    <message>
        <source>The camera %1 sent a stream Vigil cannot read (%2).</source>
        <translation>La cámara %1 envió un flujo que Vigil no puede leer (%2).</translation>
    </message>
    <message>
        <source>reading the stream</source>
        <translation>al leer el flujo</translation>
    </message>
</context>
<context>
    <name>vigil::media::RtspSession</name>
    <message>
        <source>The camera stopped answering.</source>
        <translation>La cámara dejó de responder.</translation>
    </message>
    <message>
        <source>The camera closed the connection.</source>
        <translation>La cámara cerró la conexión.</translation>
    </message>
    <message>
        <source>The camera ended the stream.</source>
        <translation>La cámara terminó el flujo.</translation>
    </message>
    <message>
        <source>Recording stopped.</source>
        <translation>Grabación detenida.</translation>
    </message>
    <message>
        <source>The camera stopped sending video.</source>
        <translation>La cámara dejó de enviar vídeo.</translation>
    </message>
    <message>
        <source>The camera cannot send video over TCP.</source>
        <translation>La cámara no puede enviar vídeo por TCP.</translation>
    </message>
    <message>
        <source>The camera %1 refused to stream.</source>
        <translation>La cámara %1 se negó a transmitir.</translation>
    </message>
    <message>
        <source>The camera sent a frame larger than 16 MB; the stream was dropped.</source>
        <translation>La cámara envió una imagen de más de 16 MB; se cortó la transmisión.</translation>
    </message>
    <message>
        <source>The camera %1 sent a stream address on another host; Vigil does not follow it.</source>
        <translation>La cámara %1 envió una dirección de flujo en otro equipo; Vigil no la sigue.</translation>
    </message>
</context>
<context>
    <name>vigil::media::RtspStreamParser</name>
    <message>
        <source>The camera sent data Vigil cannot read.</source>
        <translation>La cámara envió datos que Vigil no puede leer.</translation>
    </message>
    <message>
        <source>The stream has audio or data.</source>
        <translation>El flujo tiene audio o datos.</translation>
    </message>
    <message>
        <source>The stream is not H.264 video alone.</source>
        <translation>El flujo no es solo vídeo H.264.</translation>
    </message>
    <message>
        <source>The camera sent an answer Vigil cannot read.</source>
        <translation>La cámara envió una respuesta que Vigil no puede leer.</translation>
    </message>
</context>
<context>
    <name>vigil::media::SourceTexts</name>
    <message>
        <source>Recording stopped.</source>
        <translation>Grabación detenida.</translation>
    </message>
</context>
<context>
    <name>vigil::media::VideoDecoder</name>
    <message>
        <source>This computer has no decoder for the camera&apos;s video.</source>
        <translation>Este equipo no tiene decodificador para el vídeo de la cámara.</translation>
    </message>
</context>
<context>
    <name>vigil::onvif::DeviceProbe</name>
    <message>
        <source>The camera at %1 offers no video profile.</source>
        <translation>La cámara en %1 no ofrece ningún perfil de vídeo.</translation>
    </message>
    <message>
        <source>The camera at %1 did not finish describing itself within %2 seconds.</source>
        <translation>La cámara en %1 no terminó de describirse en %2 segundos.</translation>
    </message>
</context>
<context>
    <name>vigil::onvif::EventSubscription</name>
    <message>
        <source>The camera at %1 did not say where to fetch its events.</source>
        <translation>La cámara en %1 no indicó dónde recoger sus eventos.</translation>
    </message>
</context>
<context>
    <name>vigil::onvif::OnvifClient</name>
    <message>
        <source>The camera at %1 did not say what time it is.</source>
        <translation>La cámara en %1 no indicó qué hora es.</translation>
    </message>
    <message>
        <source>%1 answers, but not as an ONVIF camera (HTTP %2). Check the address, or turn ONVIF on in the camera&apos;s own settings.</source>
        <translation>%1 responde, pero no como una cámara ONVIF (HTTP %2). Compruebe la dirección o active ONVIF en la configuración de la propia cámara.</translation>
    </message>
    <message>
        <source>The camera at %1 needs a user name and password.</source>
        <translation>La cámara en %1 necesita un nombre de usuario y una contraseña.</translation>
    </message>
    <message>
        <source>The camera at %1 does not support %2.</source>
        <translation>La cámara en %1 no admite %2.</translation>
    </message>
    <message>
        <source>The camera at %1 refused %2: %3</source>
        <translation>La cámara en %1 rechazó %2: %3</translation>
    </message>
    <message>
        <source>The camera at %1 answered %2 with HTTP error %3.</source>
        <translation>La cámara en %1 respondió a %2 con el error HTTP %3.</translation>
    </message>
    <message>
        <source>The camera at %1 refused the user name or password.</source>
        <translation>La cámara en %1 rechazó el nombre de usuario o la contraseña.</translation>
    </message>
    <message>
        <source>Some cameras refuse logins for that. Set the camera&apos;s time (or turn on NTP in its settings), then try again.</source>
        <translation>Algunas cámaras rechazan el inicio de sesión por eso. Ajuste la hora de la cámara (o active NTP en su configuración) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Its clock is off by about a minute.</source>
        <translation>Su reloj va desfasado alrededor de un minuto.</translation>
    </message>
    <message>
        <source>Its clock is off by %1 minutes.</source>
        <translation>Su reloj va desfasado %1 minutos.</translation>
    </message>
    <message>
        <source>The camera at %1 did not answer within %2 seconds.</source>
        <translation>La cámara en %1 no respondió en %2 segundos.</translation>
    </message>
    <message>
        <source>The secure connection to the camera at %1 failed.</source>
        <translation>Falló la conexión segura con la cámara en %1.</translation>
    </message>
    <message>
        <source>Nothing answers at %1. Check the address and that the camera is switched on and connected.</source>
        <translation>Nada responde en %1. Compruebe la dirección y que la cámara esté encendida y conectada.</translation>
    </message>
    <message>
        <source>The camera at %1 could not be reached.</source>
        <translation>No se pudo contactar con la cámara en %1.</translation>
    </message>
    <message>
        <source>The camera at %1 sent no picture (HTTP %2).</source>
        <translation>La cámara en %1 no envió ninguna imagen (HTTP %2).</translation>
    </message>
    <message>
        <source>The camera at %1 sent an answer larger than %2 MB; it was refused.</source>
        <translation>La cámara en %1 envió una respuesta de más de %2 MB; se rechazó.</translation>
    </message>
    <message>
        <source>The camera at %1 sent a picture larger than %2 MB; it was refused.</source>
        <translation>La cámara en %1 envió una imagen de más de %2 MB; se rechazó.</translation>
    </message>
    <message>
        <source>%1 answers, but not as an ONVIF camera. Check the address, or turn ONVIF on in the camera&apos;s own settings.</source>
        <translation>%1 responde, pero no como una cámara ONVIF. Compruebe la dirección, o active ONVIF en la configuración de la propia cámara.</translation>
    </message>
</context>
<context>
    <name>vigil::onvif::WsDiscovery</name>
    <message>
        <source>No network interface could send a discovery probe.</source>
        <translation>Ninguna interfaz de red pudo enviar una sonda de descubrimiento.</translation>
    </message>
    <message>
        <source>Cannot listen for cameras announcing themselves (UDP port 3702 is taken).</source>
        <translation>No se puede escuchar a las cámaras que se anuncian (el puerto UDP 3702 está ocupado).</translation>
    </message>
    <message>
        <source>Cannot listen for cameras announcing themselves on any network interface.</source>
        <translation>No se puede escuchar a las cámaras que se anuncian en ninguna interfaz de red.</translation>
    </message>
</context>
<context>
    <name>vigil::playback::ArchivePlayer</name>
    <message>
        <source>Nothing was recorded at this time.</source>
        <translation>No se grabó nada a esta hora.</translation>
    </message>
</context>
<context>
    <name>vigil::playback::Bookmarks</name>
    <message>
        <source>The bookmark no longer exists.</source>
        <translation>El marcador ya no existe.</translation>
    </message>
</context>
<context>
    <name>vigil::playback::PlaybackSession</name>
    <message numerus="yes">
        <source>Footage older than %n day(s) can be played only with a reason, which the audit log keeps.</source>
        <translation>
            <numerusform>Las imágenes de más de %n día solo se pueden reproducir con un motivo, que guarda el registro de auditoría.</numerusform>
            <numerusform>Las imágenes de más de %n días solo se pueden reproducir con un motivo, que guarda el registro de auditoría.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::playback::SegmentReader</name>
    <message>
        <source>The recording &quot;%1&quot; cannot be played; it is damaged or not a Vigil recording.</source>
        <translation>La grabación «%1» no se puede reproducir; está dañada o no es una grabación de Vigil.</translation>
    </message>
    <message>
        <source>Cannot read the recording &quot;%1&quot;.</source>
        <translation>No se puede leer la grabación «%1».</translation>
    </message>
    <message>
        <source>Not enough memory to play the recording.</source>
        <translation>No hay memoria suficiente para reproducir la grabación.</translation>
    </message>
    <message>
        <source>The recording &quot;%1&quot; cannot be played; it is damaged.</source>
        <translation>La grabación «%1» no se puede reproducir; está dañada.</translation>
    </message>
</context>
<context>
    <name>vigil::playback::TimelineLoader</name>
    <message>
        <source>Motion and other events</source>
        <translation>Movimiento y otros eventos</translation>
    </message>
</context>
<context>
    <name>vigil::recording::CameraMotionEvents</name>
    <message>
        <source>the camera at %1 offers no ONVIF events</source>
        <translation>la cámara de %1 no ofrece eventos ONVIF</translation>
    </message>
</context>
<context>
    <name>vigil::recording::CatalogWorker</name>
    <message>
        <source>The catalog cannot be opened: retention waits for it.</source>
        <translation>No se puede abrir el catálogo: la retención espera a poder hacerlo.</translation>
    </message>
    <message>
        <source>The catalog cannot be opened: recordings left open cannot be repaired.</source>
        <translation>No se puede abrir el catálogo: las grabaciones que quedaron abiertas no se pueden reparar.</translation>
    </message>
    <message>
        <source>The catalog cannot be opened: nobody can log in until it can.</source>
        <translation>No se puede abrir el catálogo: nadie puede iniciar sesión hasta que se pueda.</translation>
    </message>
</context>
<context>
    <name>vigil::recording::RecordingEngine</name>
    <message>
        <source>Cannot create the recordings folder %1.</source>
        <translation>No se puede crear la carpeta de grabaciones %1.</translation>
    </message>
    <message>
        <source>The recordings disk is full; making room by deleting the oldest recordings.</source>
        <translation>El disco de grabaciones está lleno; se libera espacio borrando las grabaciones más antiguas.</translation>
    </message>
    <message>
        <source>Camera %1: %2</source>
        <translation>Cámara %1: %2</translation>
    </message>
    <message>
        <source>Camera %1 is not recording: %2</source>
        <translation>La cámara %1 no está grabando: %2</translation>
    </message>
    <message>
        <source>Camera %1: the disk is not keeping up; %2 video packets dropped so far.</source>
        <translation>Cámara %1: el disco no da abasto; %2 paquetes de vídeo descartados hasta ahora.</translation>
    </message>
    <message>
        <source>%1 records on motion, but it is not an ONVIF camera and sends no motion events: it records continuously instead.</source>
        <translation>%1 graba con movimiento, pero no es una cámara ONVIF y no envía eventos de movimiento: graba de forma continua.</translation>
    </message>
    <message>
        <source>%1 records on motion, but its motion events do not arrive (%2): it records continuously until they do.</source>
        <translation>%1 graba con movimiento, pero sus eventos de movimiento no llegan (%2): graba de forma continua hasta que lleguen.</translation>
    </message>
    <message>
        <source>Camera %1 sent frames larger than 16 MB, which no camera should; %2 were dropped. Check its firmware and settings.</source>
        <translation>La cámara %1 envió imágenes de más de 16 MB, algo que ninguna cámara debería hacer; se descartaron %2. Revise su firmware y su configuración.</translation>
    </message>
    <message>
        <source>Camera %1 asks for its password in clear text (Basic authentication): anyone on the network can read it. Switch the camera to Digest authentication.</source>
        <translation>La cámara %1 pide su contraseña en texto claro (autenticación Basic): cualquiera en la red puede leerla. Cambie la cámara a autenticación Digest.</translation>
    </message>
    <message>
        <source>Damaged recordings were found after Vigil stopped unexpectedly; %1 of them were kept in %2 rather than deleted (see the log).</source>
        <translation>Se encontraron grabaciones dañadas tras una parada inesperada de Vigil; %1 se guardaron en %2 en lugar de borrarse (vea el registro).</translation>
    </message>
    <message>
        <source>Recording has STOPPED: the recordings disk is full and everything left on it is under legal hold or is a camera&apos;s newest recording. Free space, add a disk, raise the quota, or release a hold.</source>
        <translation>La grabación se ha DETENIDO: el disco de grabaciones está lleno y todo lo que queda en él está bajo retención legal o es la grabación más reciente de una cámara. Libere espacio, añada un disco, aumente la cuota o levante una retención.</translation>
    </message>
    <message>
        <source>Camera %1 names another computer (%2) as the source of its video; its password is not sent there.</source>
        <translation>La cámara %1 indica otro equipo (%2) como origen de su vídeo; su contraseña no se envía allí.</translation>
    </message>
    <message>
        <source>The recorder is stopping.</source>
        <translation>La grabadora se está deteniendo.</translation>
    </message>
    <message>
        <source>There is no camera %1.</source>
        <translation>No existe la cámara %1.</translation>
    </message>
    <message>
        <source>Camera %1 is disabled (Settings ▸ Cameras enables it).</source>
        <translation>La cámara %1 está desactivada (Ajustes ▸ Cámaras la activa).</translation>
    </message>
    <message>
        <source>Camera %1 has no video stream.</source>
        <translation>La cámara %1 no tiene flujo de vídeo.</translation>
    </message>
</context>
<context>
    <name>vigil::recording::SegmentFile</name>
    <message>
        <source>Cannot repair the recording &quot;%1&quot;.</source>
        <translation>No se puede reparar la grabación «%1».</translation>
    </message>
    <message>
        <source>The recording &quot;%1&quot; cannot be read; it is not a Vigil segment or it is damaged.</source>
        <translation>La grabación «%1» no se puede leer; no es un segmento de Vigil o está dañada.</translation>
    </message>
</context>
<context>
    <name>vigil::recording::SegmentRepair</name>
    <message>
        <source>%1 belongs to a camera Vigil does not know.</source>
        <translation>%1 pertenece a una cámara que Vigil no conoce.</translation>
    </message>
    <message>
        <source>%1 was not written by Vigil; it was left where it is.</source>
        <translation>%1 no lo escribió Vigil; se dejó donde está.</translation>
    </message>
    <message>
        <source>%1 is damaged (only %2 of its %3 bytes read whole); it was moved to %4 and kept.</source>
        <translation>%1 está dañado (solo %2 de sus %3 bytes se leen enteros); se movió a %4 y se conserva.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2); it was moved to %3 and kept.</source>
        <translation>%1 no se puede leer (%2); se movió a %3 y se conserva.</translation>
    </message>
    <message>
        <source>%1 is damaged and could not be moved to %2; it was left where it is.</source>
        <translation>%1 está dañado y no se pudo mover a %2; se dejó donde está.</translation>
    </message>
    <message>
        <source>%1 could not be copied to %2 before its repair; it was left as it is.</source>
        <translation>%1 no se pudo copiar a %2 antes de repararlo; se dejó como está.</translation>
    </message>
    <message>
        <source>%1 was repaired; its original is kept in %2.</source>
        <translation>%1 se reparó; su original se conserva en %2.</translation>
    </message>
</context>
<context>
    <name>vigil::recording::SegmentWriter</name>
    <message>
        <source>The recordings disk is full.</source>
        <translation>El disco de grabaciones está lleno.</translation>
    </message>
    <message>
        <source>Cannot write the recording &quot;%1&quot;.</source>
        <translation>No se puede escribir la grabación «%1».</translation>
    </message>
    <message>
        <source>Cannot record this camera&apos;s stream: %1.</source>
        <translation>No se puede grabar el flujo de esta cámara: %1.</translation>
    </message>
    <message>
        <source>no MP4 writer</source>
        <translation>no hay escritor MP4</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>memoria agotada</translation>
    </message>
    <message>
        <source>there is no video</source>
        <translation>no hay vídeo</translation>
    </message>
    <message>
        <source>the stream&apos;s format is not accepted</source>
        <translation>el formato del flujo no se admite</translation>
    </message>
</context>
<context>
    <name>vigil::redaction::Analyzer</name>
    <message>
        <source>The analysis was cancelled.</source>
        <translation>Se canceló el análisis.</translation>
    </message>
</context>
<context>
    <name>vigil::redaction::ClipFrames</name>
    <message>
        <source>The video &quot;%1&quot; has no frames.</source>
        <translation>El vídeo «%1» no tiene fotogramas.</translation>
    </message>
</context>
<context>
    <name>vigil::redaction::Detectors</name>
    <message>
        <source>The detector model &quot;%1&quot; is missing: run tools/setup (it fetches the models) or reinstall Vigil.</source>
        <translation>Falta el modelo de detección «%1»: ejecute tools/setup (descarga los modelos) o vuelva a instalar Vigil.</translation>
    </message>
    <message>
        <source>The detector model &quot;%1&quot; cannot be loaded.</source>
        <translation>No se puede cargar el modelo de detección «%1».</translation>
    </message>
</context>
<context>
    <name>vigil::redaction::RedactionLog</name>
    <message>
        <source>The redaction log is damaged: %1.</source>
        <translation>El registro de anonimización está dañado: %1.</translation>
    </message>
    <message>
        <source>it is not a Vigil redaction log</source>
        <translation>no es un registro de anonimización de Vigil</translation>
    </message>
    <message>
        <source>The redaction log was written by a newer Vigil.</source>
        <translation>El registro de anonimización lo escribió un Vigil más reciente.</translation>
    </message>
    <message>
        <source>unknown effect</source>
        <translation>efecto desconocido</translation>
    </message>
    <message>
        <source>no picture size</source>
        <translation>sin tamaño de imagen</translation>
    </message>
    <message>
        <source>track %1 has an unknown kind</source>
        <translation>la pista %1 es de un tipo desconocido</translation>
    </message>
    <message>
        <source>track %1 has a box that is not [frame, x, y, width, height]</source>
        <translation>la pista %1 tiene un recuadro que no es [fotograma, x, y, ancho, alto]</translation>
    </message>
    <message>
        <source>a muted stretch is not [from, to]</source>
        <translation>un tramo silenciado no es [desde, hasta]</translation>
    </message>
    <message>
        <source>a range of seen frames is not [first, last]</source>
        <translation>un intervalo de fotogramas vistos no es [primero, último]</translation>
    </message>
</context>
<context>
    <name>vigil::redaction::Renderer</name>
    <message>
        <source>The redaction log is for a %1×%2 video, not this %3×%4 one.</source>
        <translation>El registro de anonimización es de un vídeo de %1×%2, no de este de %3×%4.</translation>
    </message>
    <message>
        <source>The H.264 encoder (libx264) is missing from this FFmpeg.</source>
        <translation>A este FFmpeg le falta el codificador H.264 (libx264).</translation>
    </message>
    <message>
        <source>The H.264 encoder cannot start.</source>
        <translation>El codificador H.264 no puede arrancar.</translation>
    </message>
    <message>
        <source>Cannot write &quot;%1&quot;.</source>
        <translation>No se puede escribir «%1».</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>Se canceló la exportación.</translation>
    </message>
    <message>
        <source>The sound of the original cannot be read.</source>
        <translation>No se puede leer el sonido del original.</translation>
    </message>
    <message>
        <source>Stretches of this camera&apos;s sound (%1) cannot be muted: keep the sound whole or remove it.</source>
        <translation>No se pueden silenciar tramos del sonido de esta cámara (%1): conserve el sonido entero o quítelo.</translation>
    </message>
</context>
<context>
    <name>vigil::redaction::VideoFile</name>
    <message>
        <source>The video &quot;%1&quot; cannot be read.</source>
        <translation>No se puede leer el vídeo «%1».</translation>
    </message>
</context>
<context>
    <name>vigil::runtime::CommandLine</name>
    <message>
        <source>Folder for the catalog, recordings and logs (default: %1).</source>
        <translation>Carpeta del catálogo, las grabaciones y los registros (predeterminada: %1).</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>carpeta</translation>
    </message>
    <message>
        <source>Language of the interface, e.g. en or es (default: the system&apos;s).</source>
        <translation>Idioma de la interfaz, p. ej. en o es (predeterminado: el del sistema).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
</context>
<context>
    <name>vigil::runtime::DataDir</name>
    <message>
        <source>No data folder was given.</source>
        <translation>No se indicó ninguna carpeta de datos.</translation>
    </message>
    <message>
        <source>The data folder &quot;%1&quot; is a file, not a folder. Choose another folder with --data-dir.</source>
        <translation>La carpeta de datos «%1» es un archivo, no una carpeta. Elija otra carpeta con --data-dir.</translation>
    </message>
    <message>
        <source>Cannot create the data folder &quot;%1&quot;. Check that its parent folder exists and that you may write there, or choose another folder with --data-dir.</source>
        <translation>No se puede crear la carpeta de datos «%1». Compruebe que su carpeta superior existe y que puede escribir en ella, o elija otra carpeta con --data-dir.</translation>
    </message>
    <message>
        <source>Vigil cannot write to the data folder &quot;%1&quot;. Give your user write access to it, or choose another folder with --data-dir.</source>
        <translation>Vigil no puede escribir en la carpeta de datos «%1». Dé permiso de escritura a su usuario o elija otra carpeta con --data-dir.</translation>
    </message>
    <message>
        <source>Vigil cannot read the data folder &quot;%1&quot;. Check that it exists and that your user may read it, or choose another folder with --data-dir.</source>
        <translation>Vigil no puede leer la carpeta de datos &quot;%1&quot;. Compruebe que existe y que su usuario puede leerla, o elija otra carpeta con --data-dir.</translation>
    </message>
</context>
<context>
    <name>vigil::runtime::InstanceLock</name>
    <message>
        <source>Another Vigil (process %1 on %2) is already using the data folder &quot;%3&quot;. Close it first, or choose another folder with --data-dir.</source>
        <translation>Otro Vigil (proceso %1 en %2) ya está usando la carpeta de datos «%3». Ciérrelo primero o elija otra carpeta con --data-dir.</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>este equipo</translation>
    </message>
    <message>
        <source>Cannot create the lock file &quot;%1&quot; in the data folder.</source>
        <translation>No se puede crear el archivo de bloqueo «%1» en la carpeta de datos.</translation>
    </message>
</context>
<context>
    <name>vigil::runtime::ServiceInstaller</name>
    <message>
        <source>&quot;%1&quot; cannot be run: %2</source>
        <translation>No se puede ejecutar «%1»: %2</translation>
    </message>
    <message>
        <source>&quot;%1 %2&quot; failed: %3</source>
        <translation>«%1 %2» falló: %3</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>código de salida %1</translation>
    </message>
    <message>
        <source>There is no vigil-recorder at %1.</source>
        <translation>No hay ningún vigil-recorder en %1.</translation>
    </message>
    <message>
        <source>Vigil is in a home folder (%1), which the system service cannot see. Unpack it elsewhere (for example /opt/vigil), or install a service for your own user by running this command without root.</source>
        <translation>Vigil está en una carpeta personal (%1), que el servicio del sistema no puede ver. Descomprímalo en otro lugar (por ejemplo /opt/vigil), o instale un servicio para su propio usuario ejecutando esta orden sin root.</translation>
    </message>
    <message>
        <source>Vigil&apos;s service unit is missing from vigilctl.</source>
        <translation>A vigilctl le falta la unidad del servicio de Vigil.</translation>
    </message>
    <message>
        <source>Created the system user &quot;%1&quot;; people who use the window join its group (adduser NAME %1).</source>
        <translation>Creado el usuario del sistema «%1»; las personas que usan la ventana se unen a su grupo (adduser NOMBRE %1).</translation>
    </message>
    <message>
        <source>The data folder %1 cannot be created.</source>
        <translation>No se puede crear la carpeta de datos %1.</translation>
    </message>
    <message>
        <source>The service unit %1 cannot be written: %2</source>
        <translation>No se puede escribir la unidad del servicio %1: %2</translation>
    </message>
    <message>
        <source>Wrote %1 (records %2).</source>
        <translation>Escrito %1 (graba %2).</translation>
    </message>
    <message>
        <source>systemd is not running on this computer, so the service cannot start. Until it can, record with: %1 --data-dir %2</source>
        <translation>systemd no está en marcha en este equipo, así que el servicio no puede arrancar. Mientras tanto, grabe con: %1 --data-dir %2</translation>
    </message>
    <message>
        <source>Your user&apos;s systemd is not running (no login session), so the service cannot start. Until it can, record with: %1 --data-dir %2</source>
        <translation>El systemd de su usuario no está en marcha (no hay sesión iniciada), así que el servicio no puede arrancar. Mientras tanto, grabe con: %1 --data-dir %2</translation>
    </message>
    <message>
        <source>Enabled and started %1: it records from now on, and after every restart.</source>
        <translation>%1 habilitado y arrancado: graba desde ahora y tras cada reinicio.</translation>
    </message>
    <message>
        <source>It runs while you are logged in; to record before anyone logs in, run &quot;loginctl enable-linger %1&quot; (or install it as root, as a system service).</source>
        <translation>Funciona mientras tenga la sesión iniciada; para grabar antes de que nadie inicie sesión, ejecute «loginctl enable-linger %1» (o instálelo como root, como servicio del sistema).</translation>
    </message>
    <message>
        <source>Vigil&apos;s service is not installed here (%1 does not exist).</source>
        <translation>El servicio de Vigil no está instalado aquí (%1 no existe).</translation>
    </message>
    <message>
        <source>Stopped and disabled %1.</source>
        <translation>%1 detenido y deshabilitado.</translation>
    </message>
    <message>
        <source>%1 cannot be removed.</source>
        <translation>No se puede borrar %1.</translation>
    </message>
    <message>
        <source>Removed %1. The footage and the catalog stay in %2.</source>
        <translation>Borrado %1. Las grabaciones y el catálogo quedan en %2.</translation>
    </message>
</context>
<context>
    <name>vigil::security::Access</name>
    <message>
        <source>%1 is not allowed to %2 (role: %3).</source>
        <translation>%1 no tiene permiso para %2 (rol: %3).</translation>
    </message>
    <message>
        <source>%1 has no access to camera %2.</source>
        <translation>%1 no tiene acceso a la cámara %2.</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Funcionario</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>Observador</translation>
    </message>
    <message>
        <source>view live video</source>
        <translation>ver vídeo en directo</translation>
    </message>
    <message>
        <source>play back recordings</source>
        <translation>reproducir grabaciones</translation>
    </message>
    <message>
        <source>search recordings</source>
        <translation>buscar en las grabaciones</translation>
    </message>
    <message>
        <source>export redacted footage</source>
        <translation>exportar imágenes anonimizadas</translation>
    </message>
    <message>
        <source>export original footage</source>
        <translation>exportar imágenes originales</translation>
    </message>
    <message>
        <source>approve a release</source>
        <translation>aprobar una entrega</translation>
    </message>
    <message>
        <source>lift a privacy mask</source>
        <translation>levantar una máscara de privacidad</translation>
    </message>
    <message>
        <source>manage cameras</source>
        <translation>gestionar cámaras</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>gestionar usuarios</translation>
    </message>
    <message>
        <source>view the audit log</source>
        <translation>ver el registro de auditoría</translation>
    </message>
</context>
<context>
    <name>vigil::security::AuditLog</name>
    <message>
        <source>Cannot write the audit checkpoint &quot;%1&quot;.</source>
        <translation>No se puede escribir el punto de control de auditoría «%1».</translation>
    </message>
    <message>
        <source>Cannot read the audit checkpoint &quot;%1&quot;.</source>
        <translation>No se puede leer el punto de control de auditoría «%1».</translation>
    </message>
    <message>
        <source>The audit checkpoint &quot;%1&quot; is not signed by this Vigil: it was altered or replaced.</source>
        <translation>El punto de control de auditoría «%1» no está firmado por este Vigil: se alteró o se sustituyó.</translation>
    </message>
    <message>
        <source>writing the audit log</source>
        <translation>al escribir el registro de auditoría</translation>
    </message>
    <message>
        <source>reading the audit log</source>
        <translation>al leer el registro de auditoría</translation>
    </message>
    <message>
        <source>Row %1 was deleted (row %2 follows row %3).</source>
        <translation>La fila %1 se borró (la fila %2 sigue a la fila %3).</translation>
    </message>
    <message>
        <source>Row %1 does not follow row %2: rows were changed, swapped or inserted.</source>
        <translation>La fila %1 no sigue a la fila %2: se cambiaron, intercambiaron o insertaron filas.</translation>
    </message>
    <message>
        <source>Row %1 was changed after it was written.</source>
        <translation>La fila %1 se cambió después de escribirse.</translation>
    </message>
    <message>
        <source>The log was cut: it ends at row %1, but %2 rows up to row %3 were written.</source>
        <translation>El registro se recortó: termina en la fila %1, pero se escribieron %2 filas hasta la fila %3.</translation>
    </message>
    <message>
        <source>Row %1 is not the row the checkpoint recorded: the log was rewritten.</source>
        <translation>La fila %1 no es la que registró el punto de control: el registro se reescribió.</translation>
    </message>
    <message>
        <source>The audit checkpoint is missing: whether rows were cut off the end cannot be told.</source>
        <translation>Falta el punto de control de auditoría: no se puede saber si se recortaron filas del final.</translation>
    </message>
</context>
<context>
    <name>vigil::security::CredentialVault</name>
    <message>
        <source>The encryption library could not start.</source>
        <translation>No se pudo iniciar la biblioteca de cifrado.</translation>
    </message>
    <message>
        <source>Cannot read the key file &quot;%1&quot;.</source>
        <translation>No se puede leer el archivo de clave «%1».</translation>
    </message>
    <message>
        <source>The key file &quot;%1&quot; is damaged; camera passwords cannot be read. Restore it from a backup.</source>
        <translation>El archivo de clave «%1» está dañado; no se pueden leer las contraseñas de las cámaras. Restáurelo desde una copia de seguridad.</translation>
    </message>
    <message>
        <source>Cannot create the key file &quot;%1&quot;.</source>
        <translation>No se puede crear el archivo de clave «%1».</translation>
    </message>
    <message>
        <source>A stored camera password is damaged.</source>
        <translation>Una contraseña de cámara guardada está dañada.</translation>
    </message>
    <message>
        <source>A stored camera password cannot be read with this installation&apos;s key (was the key file replaced?).</source>
        <translation>Una contraseña de cámara guardada no se puede leer con la clave de esta instalación (¿se sustituyó el archivo de clave?).</translation>
    </message>
</context>
<context>
    <name>vigil::security::InstallationKey</name>
    <message>
        <source>This installation has no signing key yet (&quot;%1&quot;).</source>
        <translation>Esta instalación aún no tiene clave de firma («%1»).</translation>
    </message>
</context>
<context>
    <name>vigil::security::KeyFiles</name>
    <message>
        <source>The encryption library could not start.</source>
        <translation>No se pudo iniciar la biblioteca de cifrado.</translation>
    </message>
    <message>
        <source>Cannot read the key &quot;%1&quot;.</source>
        <translation>No se puede leer la clave «%1».</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; is damaged.</source>
        <translation>La clave «%1» está dañada.</translation>
    </message>
    <message>
        <source>Cannot create the key &quot;%1&quot;.</source>
        <translation>No se puede crear la clave «%1».</translation>
    </message>
</context>
<context>
    <name>vigil::security::Session</name>
    <message>
        <source>Log in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>There is no user to change the password of yet: create the administrator first.</source>
        <translation>Todavía no hay ningún usuario cuya contraseña cambiar: cree primero el administrador.</translation>
    </message>
    <message>
        <source>The current password is not right: %1</source>
        <translation>La contraseña actual no es correcta: %1</translation>
    </message>
</context>
<context>
    <name>vigil::security::TransparencyReport</name>
    <message>
        <source>reading the cameras</source>
        <translation>al leer las cámaras</translation>
    </message>
    <message>
        <source>reading the audit log</source>
        <translation>al leer el registro de auditoría</translation>
    </message>
    <message>
        <source>Transparency report of the town&apos;s cameras</source>
        <translation>Informe de transparencia de las cámaras del municipio</translation>
    </message>
    <message>
        <source>From %1 to %2. Counts only: no footage, no person&apos;s name. Every number can be recounted from the audit log, which proves it was not edited.</source>
        <translation>Del %1 al %2. Solo recuentos: ninguna grabación, ningún nombre de persona. Cada número puede recontarse a partir del registro de auditoría, que demuestra que no fue modificado.</translation>
    </message>
    <message numerus="yes">
        <source>%n camera(s)</source>
        <translation>
            <numerusform>%n cámara</numerusform>
            <numerusform>%n cámaras</numerusform>
        </translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Hours recorded</source>
        <translation>Horas grabadas</translation>
    </message>
    <message>
        <source>Kept for</source>
        <translation>Se conserva</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n día</numerusform>
            <numerusform>%n días</numerusform>
        </translation>
    </message>
    <message>
        <source>no age limit</source>
        <translation>sin límite de antigüedad</translation>
    </message>
    <message>
        <source>Recordings may use at most %1 MB.</source>
        <translation>Las grabaciones pueden ocupar como máximo %1 MB.</translation>
    </message>
    <message>
        <source>No storage quota: the disk&apos;s free space limits recordings.</source>
        <translation>Sin cuota de almacenamiento: el espacio libre del disco limita las grabaciones.</translation>
    </message>
    <message>
        <source>Use per month</source>
        <translation>Uso por mes</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Live views</source>
        <translation>Visualizaciones en directo</translation>
    </message>
    <message>
        <source>Playback sessions</source>
        <translation>Sesiones de reproducción</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>Búsquedas</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>Capturas</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exportaciones</translation>
    </message>
    <message>
        <source>Holds placed</source>
        <translation>Retenciones puestas</translation>
    </message>
    <message>
        <source>Holds released</source>
        <translation>Retenciones levantadas</translation>
    </message>
    <message>
        <source>Masks lifted</source>
        <translation>Máscaras levantadas</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Inicios de sesión fallidos</translation>
    </message>
    <message>
        <source>Footage files deleted by retention</source>
        <translation>Archivos de grabación borrados por la retención</translation>
    </message>
    <message>
        <source>Exports by legal basis</source>
        <translation>Exportaciones por base legal</translation>
    </message>
    <message>
        <source>Exports by requester</source>
        <translation>Exportaciones por solicitante</translation>
    </message>
    <message>
        <source>A PDF needs Vigil&apos;s window or vigilctl.</source>
        <translation>Un PDF necesita la ventana de Vigil o vigilctl.</translation>
    </message>
    <message>
        <source>Transparency report</source>
        <translation>Informe de transparencia</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be written.</source>
        <translation>No se puede escribir «%1».</translation>
    </message>
    <message>
        <source>A transparency report is written as .pdf, .csv or .json.</source>
        <translation>Un informe de transparencia se escribe como .pdf, .csv o .json.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be written: %2</source>
        <translation>No se puede escribir «%1»: %2</translation>
    </message>
</context>
<context>
    <name>vigil::security::UserAdmin</name>
    <message>
        <source>The first user must be an administrator: only an administrator can add the others.</source>
        <translation>El primer usuario debe ser un administrador: solo un administrador puede añadir a los demás.</translation>
    </message>
</context>
<context>
    <name>vigil::security::UserStore</name>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>Una contraseña necesita al menos %1 caracteres.</translation>
    </message>
    <message>
        <source>reading the users</source>
        <translation>al leer los usuarios</translation>
    </message>
    <message>
        <source>A user name is one word of at most 64 characters.</source>
        <translation>Un nombre de usuario es una sola palabra de 64 caracteres como máximo.</translation>
    </message>
    <message>
        <source>There is already a user called &quot;%1&quot;.</source>
        <translation>Ya existe un usuario llamado «%1».</translation>
    </message>
    <message>
        <source>Not enough memory to protect the password.</source>
        <translation>No hay memoria suficiente para proteger la contraseña.</translation>
    </message>
    <message>
        <source>adding the user</source>
        <translation>al añadir el usuario</translation>
    </message>
    <message>
        <source>There is no user called &quot;%1&quot;.</source>
        <translation>No existe ningún usuario llamado «%1».</translation>
    </message>
    <message>
        <source>changing the password</source>
        <translation>al cambiar la contraseña</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the last administrator; add another before disabling this one.</source>
        <translation>«%1» es el último administrador; añada otro antes de desactivar este.</translation>
    </message>
    <message>
        <source>changing the user</source>
        <translation>al cambiar el usuario</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Usuario o contraseña incorrectos.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords for &quot;%1&quot;: try again in %n second(s).</source>
        <translation>
            <numerusform>Demasiadas contraseñas incorrectas para «%1»: vuelva a intentarlo dentro de %n segundo.</numerusform>
            <numerusform>Demasiadas contraseñas incorrectas para «%1»: vuelva a intentarlo dentro de %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <source>recording the failed login</source>
        <translation>al registrar el inicio de sesión fallido</translation>
    </message>
    <message>
        <source>The user &quot;%1&quot; is disabled; an administrator can enable it again.</source>
        <translation>El usuario «%1» está desactivado; un administrador puede volver a activarlo.</translation>
    </message>
    <message>
        <source>recording the login</source>
        <translation>al registrar el inicio de sesión</translation>
    </message>
</context>
<context>
    <name>vigil::setup</name>
    <message>
        <source>Camera at %1</source>
        <translation>Cámara en %1</translation>
    </message>
    <message>
        <source>This camera is already in Vigil (camera %1, &quot;%2&quot;).</source>
        <translation>Esta cámara ya está en Vigil (cámara %1, «%2»).</translation>
    </message>
    <message>
        <source>The camera gives &quot;%1&quot; as the address of its video; Vigil records only from rtsp:// addresses.</source>
        <translation>La cámara da «%1» como dirección de su vídeo; Vigil solo graba desde direcciones rtsp://.</translation>
    </message>
</context>
<context>
    <name>vigil::setup::CameraEditor</name>
    <message>
        <source>Camera %1 is no longer in Vigil.</source>
        <translation>La cámara %1 ya no está en Vigil.</translation>
    </message>
    <message>
        <source>Choose a main stream, and a different sub stream or none.</source>
        <translation>Elija un flujo principal, y un flujo secundario distinto o ninguno.</translation>
    </message>
</context>
<context>
    <name>vigil::setup::Wizard</name>
    <message>
        <source>&quot;%1&quot; is not a camera address.</source>
        <translation>«%1» no es una dirección de cámara.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a camera address. Type an address such as 192.168.1.20, or an rtsp:// URL.</source>
        <translation>«%1» no es una dirección de cámara. Escriba una dirección como 192.168.1.20 o una URL rtsp://.</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ya está en la lista.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectada</translation>
    </message>
    <message>
        <source>The camera offers no H.264 or H.265 stream to record.</source>
        <translation>La cámara no ofrece ningún flujo H.264 ni H.265 que grabar.</translation>
    </message>
    <message>
        <source>%1 is already in Vigil: camera %2, &quot;%3&quot;.</source>
        <translation>%1 ya está en Vigil: cámara %2, «%3».</translation>
    </message>
</context>
<context>
    <name>vigil::storage::Retention</name>
    <message>
        <source>Cannot delete %1: %2</source>
        <translation>No se puede borrar %1: %2</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::AboutDialog</name>
    <message>
        <source>About Vigil</source>
        <translation>Acerca de Vigil</translation>
    </message>
    <message>
        <source>Video management for small municipalities: cameras, recording, playback and evidence on one computer.</source>
        <translation>Gestión de vídeo para municipios pequeños: cámaras, grabación, reproducción y pruebas en un solo equipo.</translation>
    </message>
    <message>
        <source>Vigil talks only to the cameras you add. It never identifies people.</source>
        <translation>Vigil solo se comunica con las cámaras que usted añade. Nunca identifica a las personas.</translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation>Copiar versiones</translation>
    </message>
    <message>
        <source>Evidence signing key (SHA-256 fingerprint)</source>
        <translation>Clave de firma de las pruebas (huella SHA-256)</translation>
    </message>
    <message>
        <source>Evidence signing key: %1</source>
        <translation>Clave de firma de las pruebas: %1</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::AdministratorSetupPage</name>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Footage of a town&apos;s streets is sensitive. First make the administrator: the person who adds cameras and the people who may watch them.</source>
        <translation>Las grabaciones de las calles de un municipio son sensibles. Cree primero el administrador: la persona que añade las cámaras y a quienes pueden verlas.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Nombre completo:</translation>
    </message>
    <message>
        <source>Vigil asks for this password at every start and after 15 minutes without use. Keep it where the town keeps its other keys: without an administrator nobody can add users.</source>
        <translation>Vigil pide esta contraseña en cada inicio y tras 15 minutos sin uso. Guárdela donde el municipio guarda sus otras llaves: sin administrador nadie puede añadir usuarios.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::AlertsDialog</name>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>All cameras</source>
        <translation>Todas las cámaras</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué ocurrió</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Vista</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Dar por vista</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Dar todas por vistas</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Cámara:</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Cámara %1</translation>
    </message>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>todavía no</translation>
    </message>
    <message>
        <source>No alerts.</source>
        <translation>No hay alertas.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::ApprovalDialog</name>
    <message>
        <source>Supervisor&apos;s Approval</source>
        <translation>Aprobación del supervisor</translation>
    </message>
    <message>
        <source>Releasing original, unredacted footage needs a supervisor. The supervisor logs in here to approve this export; the approval is written to the audit log.</source>
        <translation>Entregar imágenes originales sin anonimizar requiere un supervisor. El supervisor inicia sesión aquí para aprobar esta exportación; la aprobación queda en el registro de auditoría.</translation>
    </message>
    <message>
        <source>Supervisor:</source>
        <translation>Supervisor:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::ApprovalsPanel</name>
    <message>
        <source>&lt;b&gt;Originals waiting for a supervisor&lt;/b&gt;</source>
        <translation>&lt;b&gt;Originales a la espera de un supervisor&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Grant…</source>
        <translation>Conceder…</translation>
    </message>
    <message>
        <source>Refuse…</source>
        <translation>Denegar…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Pedida por</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Pedida</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Cámaras</translation>
    </message>
    <message>
        <source>Footage</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Cámara %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Grant the Original</source>
        <translation>Conceder el original</translation>
    </message>
    <message>
        <source>Release the original (unredacted) footage of case %1 to %2? The package will name you as the supervisor who approved it.</source>
        <translation>¿Entregar las imágenes originales (sin redactar) del caso %1 a %2? El paquete le nombrará como el supervisor que lo aprobó.</translation>
    </message>
    <message>
        <source>Refuse the Original</source>
        <translation>Denegar el original</translation>
    </message>
    <message>
        <source>Why is the original refused? (%1 sees this.)</source>
        <translation>¿Por qué se deniega el original? (%1 lo verá).</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Aprobación</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::AuditDialog</name>
    <message>
        <source>Audit Log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Cualquiera</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Cualquier acción</translation>
    </message>
    <message>
        <source>Any camera</source>
        <translation>Cualquier cámara</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Acción:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Cámara:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Concerning</source>
        <translation>Sobre</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Check the Log</source>
        <translation>Comprobar el registro</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export the Audit Log</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s).</source>
        <translation>
            <numerusform>%n fila.</numerusform>
            <numerusform>%n filas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The log is intact: %n row(s), none changed, removed or reordered, and none cut off the end.</source>
        <translation>
            <numerusform>El registro está intacto: %n fila, ninguna cambiada, borrada ni reordenada, y ninguna cortada al final.</numerusform>
            <numerusform>El registro está intacto: %n filas, ninguna cambiada, borrada ni reordenada, y ninguna cortada al final.</numerusform>
        </translation>
    </message>
    <message>
        <source>The log was tampered with: %1</source>
        <translation>El registro fue manipulado: %1</translation>
    </message>
    <message>
        <source>The CSV file cannot be written: %1</source>
        <translation>No se puede escribir el archivo CSV: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1.</source>
        <translation>
            <numerusform>%n fila escrita en %1.</numerusform>
            <numerusform>%n filas escritas en %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vigil::widgets::BookmarkDialog</name>
    <message>
        <source>Every camera</source>
        <translation>Todas las cámaras</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Cámara %1</translation>
    </message>
    <message>
        <source>Edit Bookmark</source>
        <translation>Editar marcador</translation>
    </message>
    <message>
        <source>Add Bookmark</source>
        <translation>Añadir marcador</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>Cámara:</translation>
    </message>
    <message>
        <source>What happened, e.g. &quot;Collision at the crossing&quot;</source>
        <translation>Qué pasó, p. ej. «Choque en el cruce»</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <source>Case number:</source>
        <translation>Número de caso:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
    <message>
        <source>Legal hold: retention never deletes this footage</source>
        <translation>Retención legal: la limpieza automática nunca borra estas imágenes</translation>
    </message>
    <message>
        <source>Only a supervisor or an administrator may change a legal hold.</source>
        <translation>Solo un supervisor o un administrador puede cambiar una retención legal.</translation>
    </message>
    <message>
        <source>A bookmark must end after it starts.</source>
        <translation>Un marcador debe terminar después de empezar.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::BookmarksDialog</name>
    <message>
        <source>Bookmarks</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <source>Search titles, case numbers and notes</source>
        <translation>Buscar en títulos, números de caso y notas</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Legal hold</source>
        <translation>Retención legal</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Retenido</translation>
    </message>
    <message>
        <source>Delete the bookmark &quot;%1&quot;? Its legal hold ends with it, and retention may then delete the footage.</source>
        <translation>¿Borrar el marcador «%1»? Su retención legal termina con él, y la limpieza automática podrá borrar esas imágenes.</translation>
    </message>
    <message>
        <source>Delete the bookmark &quot;%1&quot;?</source>
        <translation>¿Borrar el marcador «%1»?</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::CameraConnectionDialog</name>
    <message>
        <source>Connection of %1</source>
        <translation>Conexión de %1</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Inicio de sesión</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Check with the Camera</source>
        <translation>Comprobar con la cámara</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Flujos</translation>
    </message>
    <message>
        <source>Main stream (recorded):</source>
        <translation>Flujo principal (se graba):</translation>
    </message>
    <message>
        <source>Sub stream (live grid, quick scrubbing):</source>
        <translation>Flujo secundario (cuadrícula en vivo, búsqueda rápida):</translation>
    </message>
    <message>
        <source>Record the sub stream too</source>
        <translation>Grabar también el flujo secundario</translation>
    </message>
    <message>
        <source>Checking with the camera…</source>
        <translation>Comprobando con la cámara…</translation>
    </message>
    <message>
        <source>Check the new login with the camera before saving it.</source>
        <translation>Compruebe el nuevo inicio de sesión con la cámara antes de guardarlo.</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Sin cambios: %1</translation>
    </message>
    <message>
        <source>The camera accepts this login.</source>
        <translation>La cámara acepta este inicio de sesión.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Saved once the camera has accepted the login.</source>
        <translation>Se guarda cuando la cámara ha aceptado el inicio de sesión.</translation>
    </message>
    <message>
        <source>Connection not saved</source>
        <translation>Conexión no guardada</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::CameraRecordingDialog</name>
    <message>
        <source>Off</source>
        <translation>Apagada</translation>
    </message>
    <message>
        <source>On motion</source>
        <translation>Con movimiento</translation>
    </message>
    <message>
        <source>On a schedule: %1</source>
        <translation>Según horario: %1</translation>
    </message>
    <message>
        <source>Continuously</source>
        <translation>Continuamente</translation>
    </message>
    <message>
        <source>Recording — %1</source>
        <translation>Grabación — %1</translation>
    </message>
    <message>
        <source>On a schedule</source>
        <translation>Según horario</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>Graba:</translation>
    </message>
    <message>
        <source>Schedule:</source>
        <translation>Horario:</translation>
    </message>
    <message>
        <source>until the disk is full</source>
        <translation>hasta que se llene el disco</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Keep footage for:</source>
        <translation>Conservar las grabaciones:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Keep before motion:</source>
        <translation>Conservar antes del movimiento:</translation>
    </message>
    <message>
        <source>Keep after motion:</source>
        <translation>Conservar después del movimiento:</translation>
    </message>
    <message>
        <source>On motion, the camera&apos;s own motion events start recording. A camera that sends none records continuously, and Vigil says so.</source>
        <translation>Con movimiento, los propios eventos de movimiento de la cámara inician la grabación. Una cámara que no los envía graba de forma continua, y Vigil lo indica.</translation>
    </message>
    <message>
        <source>Only on a schedule</source>
        <translation>Solo según horario</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::ChangePasswordDialog</name>
    <message>
        <source>Change Your Password</source>
        <translation>Cambiar su contraseña</translation>
    </message>
    <message>
        <source>The password of %1. At least eight characters; a sentence is easy to remember and hard to guess.</source>
        <translation>La contraseña de %1. Al menos ocho caracteres; una frase es fácil de recordar y difícil de adivinar.</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Contraseña actual:</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::CredentialsSetupPage</name>
    <message>
        <source>Log in to the cameras</source>
        <translation>Iniciar sesión en las cámaras</translation>
    </message>
    <message>
        <source>Vigil needs the cameras&apos; user name and password. Many installations use the same for all.</source>
        <translation>Vigil necesita el nombre de usuario y la contraseña de las cámaras. Muchas instalaciones usan los mismos para todas.</translation>
    </message>
    <message>
        <source>The same user name and password for all cameras</source>
        <translation>El mismo usuario y contraseña para todas las cámaras</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Comprobar</translation>
    </message>
    <message>
        <source>RTSP stream: no check needed</source>
        <translation>Flujo RTSP: no necesita comprobación</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Sin comprobar</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Imagen</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::DiscoverSetupPage</name>
    <message>
        <source>Find cameras</source>
        <translation>Buscar cámaras</translation>
    </message>
    <message>
        <source>Vigil looks for ONVIF cameras on your network. Tick the ones to add.</source>
        <translation>Vigil busca cámaras ONVIF en su red. Marque las que quiera añadir.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Search Again</source>
        <translation>Buscar de nuevo</translation>
    </message>
    <message>
        <source>Camera address (192.168.1.20) or rtsp:// URL</source>
        <translation>Dirección de la cámara (192.168.1.20) o URL rtsp://</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Not found? Add by address:</source>
        <translation>¿No aparece? Añádala por su dirección:</translation>
    </message>
    <message>
        <source>from, e.g. 192.168.1.1</source>
        <translation>desde, p. ej. 192.168.1.1</translation>
    </message>
    <message>
        <source>to, e.g. 192.168.1.254</source>
        <translation>hasta, p. ej. 192.168.1.254</translation>
    </message>
    <message>
        <source>Scan Range</source>
        <translation>Explorar rango</translation>
    </message>
    <message>
        <source>Cameras on another network part? Scan addresses</source>
        <translation>¿Cámaras en otra parte de la red? Explorar direcciones</translation>
    </message>
    <message>
        <source>Unnamed camera</source>
        <translation>Cámara sin nombre</translation>
    </message>
    <message>
        <source>RTSP stream</source>
        <translation>Flujo RTSP</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Add camera</source>
        <translation>Añadir cámara</translation>
    </message>
    <message>
        <source>Scan addresses</source>
        <translation>Explorar direcciones</translation>
    </message>
    <message>
        <source>Type two IPv4 addresses, the first not after the second, at most 1024 apart.</source>
        <translation>Escriba dos direcciones IPv4, la primera no posterior a la segunda, separadas como mucho por 1024.</translation>
    </message>
    <message>
        <source>Cameras found: %1</source>
        <translation>Cámaras encontradas: %1</translation>
    </message>
    <message>
        <source>In Vigil</source>
        <translation>En Vigil</translation>
    </message>
    <message>
        <source>Already in Vigil as &quot;%1&quot;, at another address: tick it to update its address</source>
        <translation>Ya está en Vigil como «%1», en otra dirección: márquela para actualizar su dirección</translation>
    </message>
    <message>
        <source>Already in Vigil as &quot;%1&quot;</source>
        <translation>Ya está en Vigil como «%1»</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::EvidencePage</name>
    <message>
        <source>Evidence</source>
        <translation>Pruebas</translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>queda %n s</numerusform>
            <numerusform>quedan %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min left</source>
        <translation>
            <numerusform>queda %n min</numerusform>
            <numerusform>quedan %n min</numerusform>
        </translation>
    </message>
    <message>
        <source>New Export…</source>
        <translation>Nueva exportación…</translation>
    </message>
    <message>
        <source>Check a Package…</source>
        <translation>Comprobar un paquete…</translation>
    </message>
    <message>
        <source>New Request…</source>
        <translation>Nueva solicitud…</translation>
    </message>
    <message>
        <source>Export Request…</source>
        <translation>Exportar la solicitud…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Solicitud</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Solicitada por</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Base legal</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibida</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Cámaras</translation>
    </message>
    <message>
        <source>No exports yet</source>
        <translation>Todavía no hay exportaciones</translation>
    </message>
    <message>
        <source>An export makes an evidence package: the footage with faces and licence plates hidden, the original if a supervisor approves, and hashes and a signature anyone can check. Choose New Export, or select a stretch in Playback.</source>
        <translation>Una exportación crea un paquete de pruebas: las imágenes con caras y matrículas ocultas, el original si un supervisor lo aprueba, y hashes y una firma que cualquiera puede comprobar. Elija Nueva exportación, o seleccione un tramo en Reproducción.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Caso</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <source>Supervisor&apos;s Approval</source>
        <translation>Aprobación del supervisor</translation>
    </message>
    <message>
        <source>New Export</source>
        <translation>Nueva exportación</translation>
    </message>
    <message numerus="yes">
        <source>%1 — overdue by %n day(s)</source>
        <translation>
            <numerusform>%1 — vencida hace %n día</numerusform>
            <numerusform>%1 — vencida hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>New Request</source>
        <translation>Nueva solicitud</translation>
    </message>
    <message>
        <source>Close the Request</source>
        <translation>Cerrar la solicitud</translation>
    </message>
    <message>
        <source>Mark the request &quot;%1&quot; as %2? It closes, and its footage is no longer held: retention may delete it when it is due.</source>
        <translation>¿Marcar la solicitud «%1» como %2? Se cierra y sus imágenes dejan de estar retenidas: la retención podrá borrarlas cuando toque.</translation>
    </message>
    <message>
        <source>Evidence package folder</source>
        <translation>Carpeta del paquete de pruebas</translation>
    </message>
    <message>
        <source>Check a Package</source>
        <translation>Comprobar un paquete</translation>
    </message>
    <message numerus="yes">
        <source>The package holds: its signature matches its manifest, and all %n file(s) match their SHA-256.

Signed by the key with the fingerprint
%1</source>
        <translation>
            <numerusform>El paquete es íntegro: su firma corresponde a su manifiesto y %n archivo coincide con su SHA-256.

Firmado por la clave con la huella
%1</numerusform>
            <numerusform>El paquete es íntegro: su firma corresponde a su manifiesto y los %n archivos coinciden con su SHA-256.

Firmado por la clave con la huella
%1</numerusform>
        </translation>
    </message>
    <message>
        <source>The package does not hold: %1

%2</source>
        <translation>El paquete no es íntegro: %1

%2</translation>
    </message>
    <message>
        <source>redacted</source>
        <translation>anonimizado</translation>
    </message>
    <message>
        <source>original</source>
        <translation>original</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Terminado: %1</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Abrir la carpeta</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Falló: %1</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <source>Finding faces and plates: %1</source>
        <translation>Buscando caras y matrículas: %1</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>(setup)</source>
        <translation>(configuración inicial)</translation>
    </message>
    <message>
        <source>reopened as saved on %1</source>
        <translation>reabierta como se guardó el %1</translation>
    </message>
    <message>
        <source>Releasing the original (unredacted) footage needs a supervisor&apos;s approval.</source>
        <translation>Entregar las imágenes originales (sin redactar) requiere la aprobación de un supervisor.</translation>
    </message>
    <message>
        <source>A Supervisor Is Here…</source>
        <translation>Hay un supervisor aquí…</translation>
    </message>
    <message>
        <source>Ask a Supervisor</source>
        <translation>Pedírselo a un supervisor</translation>
    </message>
    <message>
        <source>A supervisor can now grant it from their own login, on this page. Once granted, choose it under &quot;Originals waiting for a supervisor&quot; and Export….</source>
        <translation>Un supervisor puede concederla ahora con su propio inicio de sesión, en esta página. Una vez concedida, elíjala en «Originales a la espera de un supervisor» y pulse Exportar….</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::ExportDialog</name>
    <message>
        <source>New Export</source>
        <translation>Nueva exportación</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Case or request number</source>
        <translation>Número de caso o de solicitud</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>Caso:</translation>
    </message>
    <message>
        <source>Court order, records request…</source>
        <translation>Orden judicial, solicitud de información…</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <source>Redacted video</source>
        <translation>Vídeo anonimizado</translation>
    </message>
    <message>
        <source>Hide faces</source>
        <translation>Ocultar caras</translation>
    </message>
    <message>
        <source>Hide licence plates and other text</source>
        <translation>Ocultar matrículas y otros textos</translation>
    </message>
    <message>
        <source>Solid boxes (cannot be undone)</source>
        <translation>Cuadros sólidos (no se pueden deshacer)</translation>
    </message>
    <message>
        <source>Pixelate</source>
        <translation>Pixelado</translation>
    </message>
    <message>
        <source>Strong blur</source>
        <translation>Desenfoque fuerte</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>Contenido:</translation>
    </message>
    <message>
        <source>Original video, unredacted (needs a supervisor&apos;s approval)</source>
        <translation>Vídeo original, sin anonimizar (requiere la aprobación de un supervisor)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>Folder for the package</source>
        <translation>Carpeta del paquete</translation>
    </message>
    <message>
        <source>New folder:</source>
        <translation>Carpeta nueva:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Choose at least one camera.</source>
        <translation>Elija al menos una cámara.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>El final debe ser posterior al inicio.</translation>
    </message>
    <message>
        <source>Give the case or request number and the reason: both go into the package and the audit log.</source>
        <translation>Indique el número de caso o de solicitud y el motivo: ambos van al paquete y al registro de auditoría.</translation>
    </message>
    <message>
        <source>Choose what the package holds: the redacted video, the original, or both.</source>
        <translation>Elija qué contiene el paquete: el vídeo anonimizado, el original o ambos.</translation>
    </message>
    <message>
        <source>Choose a new folder for the package.</source>
        <translation>Elija una carpeta nueva para el paquete.</translation>
    </message>
    <message>
        <source>Review what was found before the package is made</source>
        <translation>Revisar lo encontrado antes de crear el paquete</translation>
    </message>
    <message>
        <source>Thorough: also small faces and the heads of people far away (several times slower)</source>
        <translation>Minuciosa: también caras pequeñas y las cabezas de personas lejanas (varias veces más lenta)</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n segundo</numerusform>
            <numerusform>%n segundos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hora</numerusform>
            <numerusform>%n horas</numerusform>
        </translation>
    </message>
    <message>
        <source>At most about %1 for this footage; thorough: about %2.</source>
        <translation>Como mucho unos %1 para estas imágenes; minuciosa: unos %2.</translation>
    </message>
    <message>
        <source>Also as one .zip file, to send or burn to a disc</source>
        <translation>También como un único archivo .zip, para enviarlo o grabarlo en un disco</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::FootageFields</name>
    <message>
        <source>Cameras:</source>
        <translation>Cámaras:</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::FrameView</name>
    <message>
        <source>Frame</source>
        <translation>Fotograma</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::LivePage</name>
    <message>
        <source>No cameras yet</source>
        <translation>Todavía no hay cámaras</translation>
    </message>
    <message>
        <source>Live video from your cameras will appear here in a grid. Add your cameras to get started.</source>
        <translation>Aquí verá en una cuadrícula el vídeo en directo de sus cámaras. Añada sus cámaras para empezar.</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <source>Cameras found on this network</source>
        <translation>Cámaras encontradas en esta red</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Unnamed camera</source>
        <translation>Cámara sin nombre</translation>
    </message>
    <message>
        <source>Cameras configured: %1</source>
        <translation>Cámaras configuradas: %1</translation>
    </message>
    <message>
        <source>Vigil is not recording them: recording could not start (see the status bar).</source>
        <translation>Vigil no las está grabando: la grabación no pudo iniciarse (vea la barra de estado).</translation>
    </message>
    <message>
        <source>None of them can be reached right now: check that they are switched on and connected. Vigil keeps trying.</source>
        <translation>Ahora no se puede llegar a ninguna: compruebe que estén encendidas y conectadas. Vigil sigue intentándolo.</translation>
    </message>
    <message>
        <source>%1 of them can be reached and %2 are recording; the others cannot be reached right now, and Vigil keeps trying.</source>
        <translation>Se puede llegar a %1 de ellas y %2 están grabando; a las demás no se puede llegar ahora, y Vigil sigue intentándolo.</translation>
    </message>
    <message>
        <source>All of them can be reached; %1 are recording.</source>
        <translation>Se puede llegar a todas; %1 están grabando.</translation>
    </message>
    <message>
        <source>Their live video will appear here in a grid once live view is part of Vigil; you can add more cameras at any time.</source>
        <translation>Su vídeo en directo aparecerá aquí en una cuadrícula cuando la vista en directo forme parte de Vigil; puede añadir más cámaras en cualquier momento.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::LiveTile</name>
    <message>
        <source>Drag a camera here</source>
        <translation>Arrastre una cámara aquí</translation>
    </message>
    <message>
        <source>Not connected to the recorder</source>
        <translation>Sin conexión con la grabadora</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Desconectada</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Desconectada: %1</translation>
    </message>
    <message>
        <source>Wrong user name or password: the camera refuses the login Vigil has for it (Settings ▸ Cameras ▸ Connection…).</source>
        <translation>Usuario o contraseña incorrectos: la cámara rechaza el inicio de sesión que Vigil tiene para ella (Ajustes ▸ Cámaras ▸ Conexión…).</translation>
    </message>
    <message>
        <source>Back to the Grid</source>
        <translation>Volver a la cuadrícula</translation>
    </message>
    <message>
        <source>Maximise</source>
        <translation>Maximizar</translation>
    </message>
    <message>
        <source>Save Snapshot</source>
        <translation>Guardar captura</translation>
    </message>
    <message>
        <source>The snapshot could not be saved in %1.</source>
        <translation>No se pudo guardar la captura en %1.</translation>
    </message>
    <message>
        <source>Snapshot saved as %1.</source>
        <translation>Captura guardada como %1.</translation>
    </message>
    <message>
        <source>Tilt up (↑)</source>
        <translation>Inclinar hacia arriba (↑)</translation>
    </message>
    <message>
        <source>Pan left (←)</source>
        <translation>Girar a la izquierda (←)</translation>
    </message>
    <message>
        <source>Pan right (→)</source>
        <translation>Girar a la derecha (→)</translation>
    </message>
    <message>
        <source>Tilt down (↓)</source>
        <translation>Inclinar hacia abajo (↓)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Acercar (+)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Alejar (−)</translation>
    </message>
    <message>
        <source>Go to Preset</source>
        <translation>Ir a posición guardada</translation>
    </message>
    <message>
        <source>Play Back the Last 30 Seconds</source>
        <translation>Reproducir los últimos 30 segundos</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::LiveView</name>
    <message>
        <source>1</source>
        <translation>1</translation>
    </message>
    <message>
        <source>%1×%1</source>
        <translation>%1×%1</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Cámaras</translation>
    </message>
    <message>
        <source>Drag a camera onto a tile; double-click to show it.</source>
        <translation>Arrastre una cámara a un recuadro; haga doble clic para mostrarla.</translation>
    </message>
    <message numerus="yes">
        <source>%n camera(s) at once</source>
        <translation>
            <numerusform>%n cámara a la vez</numerusform>
            <numerusform>%n cámaras a la vez</numerusform>
        </translation>
    </message>
    <message>
        <source>Layouts saved by name</source>
        <translation>Distribuciones guardadas por nombre</translation>
    </message>
    <message>
        <source>Save Layout…</source>
        <translation>Guardar distribución…</translation>
    </message>
    <message>
        <source>Save Layout</source>
        <translation>Guardar distribución</translation>
    </message>
    <message>
        <source>Name of this layout (the cameras in their tiles):</source>
        <translation>Nombre de esta distribución (las cámaras en sus recuadros):</translation>
    </message>
    <message>
        <source>Full Screen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <source>Saved layouts</source>
        <translation>Distribuciones guardadas</translation>
    </message>
    <message>
        <source>Online, recording</source>
        <translation>Conectada, grabando</translation>
    </message>
    <message>
        <source>Online, not recording</source>
        <translation>Conectada, sin grabar</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Desconectada</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Desconectada: %1</translation>
    </message>
    <message>
        <source>Not recorded (live view only)</source>
        <translation>No se graba (solo en directo)</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::LoginDialog</name>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <source>Log In as Someone Else</source>
        <translation>Iniciar sesión como otra persona</translation>
    </message>
    <message>
        <source>Quit Vigil</source>
        <translation>Salir de Vigil</translation>
    </message>
    <message>
        <source>Vigil Is Locked</source>
        <translation>Vigil está bloqueado</translation>
    </message>
    <message>
        <source>Log In to Vigil</source>
        <translation>Iniciar sesión en Vigil</translation>
    </message>
    <message>
        <source>Vigil is locked. Recording goes on. Enter the password of %1 to go on working.</source>
        <translation>Vigil está bloqueado. La grabación continúa. Introduzca la contraseña de %1 para seguir trabajando.</translation>
    </message>
    <message>
        <source>Footage of this town&apos;s cameras is protected. Log in with your Vigil user name and password.</source>
        <translation>Las grabaciones de las cámaras de este municipio están protegidas. Inicie sesión con su usuario y contraseña de Vigil.</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Log In</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::MainWindow</name>
    <message>
        <source>Vigil</source>
        <translation>Vigil</translation>
    </message>
    <message>
        <source>Add Cameras…</source>
        <translation>Añadir cámaras…</translation>
    </message>
    <message>
        <source>Adding cameras is not available in this build yet.</source>
        <translation>Esta versión todavía no permite añadir cámaras.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Pantalla completa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Vigil</source>
        <translation>&amp;Acerca de Vigil</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Acerca de &amp;Qt</translation>
    </message>
    <message>
        <source>Stop recording?</source>
        <translation>¿Detener la grabación?</translation>
    </message>
    <message>
        <source>Closing Vigil stops recording of 1 camera.</source>
        <translation>Al cerrar Vigil se detiene la grabación de 1 cámara.</translation>
    </message>
    <message>
        <source>Closing Vigil stops recording of %1 cameras.</source>
        <translation>Al cerrar Vigil se detiene la grabación de %1 cámaras.</translation>
    </message>
    <message>
        <source>Vigil is set to record only while its window is open. To record around the clock, turn off &quot;Record only while a Vigil window is open&quot; in Settings.</source>
        <translation>Vigil está configurado para grabar solo mientras su ventana esté abierta. Para grabar día y noche, desactive «Grabar solo mientras haya una ventana de Vigil abierta» en Ajustes.</translation>
    </message>
    <message>
        <source>Close and stop recording</source>
        <translation>Cerrar y detener la grabación</translation>
    </message>
    <message>
        <source>Keep Vigil open</source>
        <translation>Mantener Vigil abierto</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>C&amp;uenta</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::MaskCanvas</name>
    <message>
        <source>Waiting for the camera&apos;s picture… Masks can be drawn meanwhile.</source>
        <translation>Esperando la imagen de la cámara… Mientras tanto se pueden dibujar máscaras.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::PasswordFields</name>
    <message>
        <source>New password:</source>
        <translation>Contraseña nueva:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Repítala:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::PlaybackPage</name>
    <message>
        <source>Nothing recorded yet</source>
        <translation>Todavía no hay nada grabado</translation>
    </message>
    <message>
        <source>Recorded video will appear here on a timeline, with recorded spans, events and bookmarks, once your cameras are recording.</source>
        <translation>Cuando sus cámaras graben, aquí verá el vídeo grabado en una línea de tiempo, con los tramos grabados, los eventos y los marcadores.</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Reproducción</translation>
    </message>
    <message>
        <source>Previous Frame (←)</source>
        <translation>Fotograma anterior (←)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Reproducir (Espacio)</translation>
    </message>
    <message>
        <source>Next Frame (→)</source>
        <translation>Fotograma siguiente (→)</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Bookmark…</source>
        <translation>Marcador…</translation>
    </message>
    <message>
        <source>Mark the selected stretch of the timeline, or the moment shown (Ctrl+B)</source>
        <translation>Marcar el tramo elegido de la línea de tiempo, o el momento que se ve (Ctrl+B)</translation>
    </message>
    <message>
        <source>Bookmarks…</source>
        <translation>Marcadores…</translation>
    </message>
    <message>
        <source>Go to:</source>
        <translation>Ir a:</translation>
    </message>
    <message>
        <source>Go to date and time</source>
        <translation>Ir a fecha y hora</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Ir</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Timeline zoom</source>
        <translation>Escala de la línea de tiempo</translation>
    </message>
    <message>
        <source>1 minute</source>
        <translation>1 minuto</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hora</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 horas</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 días</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Marcador</translation>
    </message>
    <message>
        <source>Reason for Viewing Old Footage</source>
        <translation>Motivo para ver imágenes antiguas</translation>
    </message>
    <message>
        <source>This footage is older than the age your town set for viewing without a reason. Why is it needed? (The audit log keeps the answer.)</source>
        <translation>Estas imágenes son más antiguas que la edad que su municipio fijó para verlas sin motivo. ¿Por qué se necesitan? (El registro de auditoría guarda la respuesta).</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Cámara %1</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pausa (Espacio)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <source>Make an evidence package of the selected stretch of the timeline, or of the minute around the moment shown</source>
        <translation>Crear un paquete de pruebas del tramo elegido de la línea de tiempo, o del minuto alrededor del momento que se ve</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::PlaybackTile</name>
    <message>
        <source>Recording resumes at %1.</source>
        <translation>La grabación continúa el %1.</translation>
    </message>
    <message>
        <source>Nothing was recorded after this time.</source>
        <translation>No se grabó nada después de esta hora.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::PrivacyMaskDialog</name>
    <message>
        <source>Privacy Masks of %1</source>
        <translation>Máscaras de privacidad de %1</translation>
    </message>
    <message>
        <source>Draw over what this camera must never show — a neighbour&apos;s window, a garden. Click to place corners; double-click to close a shape; right-click takes the last corner back. Masked areas are black in live view, recordings shown, snapshots, analytics and exports.</source>
        <translation>Dibuje sobre lo que esta cámara nunca debe mostrar: la ventana de un vecino, un jardín. Haga clic para poner esquinas; doble clic para cerrar una forma; el botón derecho quita la última esquina. Las zonas enmascaradas son negras en el directo, las grabaciones mostradas, las capturas, el análisis y las exportaciones.</translation>
    </message>
    <message>
        <source>Remove Last</source>
        <translation>Quitar la última</translation>
    </message>
    <message>
        <source>Remove All</source>
        <translation>Quitar todas</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::RecordingSetupPage</name>
    <message>
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Graba</translation>
    </message>
    <message>
        <source>Continuously</source>
        <translation>Continuamente</translation>
    </message>
    <message>
        <source>On motion</source>
        <translation>Con movimiento</translation>
    </message>
    <message>
        <source>On a schedule</source>
        <translation>Según un horario</translation>
    </message>
    <message>
        <source>When each camera records. Continuous recording keeps everything; recording on motion saves space; a schedule mixes both by hour of the week.</source>
        <translation>Cuándo graba cada cámara. La grabación continua lo guarda todo; la grabación con movimiento ahorra espacio; un horario combina ambas por hora de la semana.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Horario</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Edit the weekly schedule</source>
        <translation>Editar el horario semanal</translation>
    </message>
    <message>
        <source>With these choices the cameras record about %1 a day.</source>
        <translation>Con estas opciones las cámaras graban unos %1 al día.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::RedactionEditor</name>
    <message>
        <source>Red: the selected tracks. Blue: muted sound. Green below: frames looked at.</source>
        <translation>Rojo: las pistas seleccionadas. Azul: sonido silenciado. Verde abajo: fotogramas revisados.</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>Cara</translation>
    </message>
    <message>
        <source>Plate or text</source>
        <translation>Matrícula o texto</translation>
    </message>
    <message>
        <source>Head of a person far away</source>
        <translation>Cabeza de una persona lejana</translation>
    </message>
    <message>
        <source>Drawn ellipse</source>
        <translation>Elipse dibujada</translation>
    </message>
    <message>
        <source>Drawn rectangle</source>
        <translation>Rectángulo dibujado</translation>
    </message>
    <message>
        <source>Privacy mask</source>
        <translation>Máscara de privacidad</translation>
    </message>
    <message>
        <source>Redaction of %1</source>
        <translation>Redacción de %1</translation>
    </message>
    <message>
        <source>Play or scrub the clip and decide what the package hides. Red boxes are hidden; dashed white ones stay visible. Draw what no detector knows (a house number, a screen) with the rectangle or ellipse, and move it on other frames: it follows in between.</source>
        <translation>Reproduzca o recorra el clip y decida qué oculta el paquete. Los recuadros rojos se ocultan; los blancos discontinuos quedan visibles. Dibuje con el rectángulo o la elipse lo que ningún detector conoce (un número de portal, una pantalla) y muévalo en otros fotogramas: entre medias lo sigue.</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Previous frame (Ctrl+Left)</source>
        <translation>Fotograma anterior (Ctrl+Izquierda)</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Fotograma anterior</translation>
    </message>
    <message>
        <source>Next frame (Ctrl+Right)</source>
        <translation>Fotograma siguiente (Ctrl+Derecha)</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Fotograma siguiente</translation>
    </message>
    <message>
        <source>Position in the clip</source>
        <translation>Posición en el clip</translation>
    </message>
    <message>
        <source>Draw Rectangle</source>
        <translation>Dibujar rectángulo</translation>
    </message>
    <message>
        <source>Draw Ellipse</source>
        <translation>Dibujar elipse</translation>
    </message>
    <message>
        <source>Preview the result</source>
        <translation>Vista previa del resultado</translation>
    </message>
    <message>
        <source>Shows the frame exactly as the package will hold it, with the boxes hidden.</source>
        <translation>Muestra el fotograma exactamente como lo tendrá el paquete, con los recuadros ocultos.</translation>
    </message>
    <message>
        <source>All tracks</source>
        <translation>Todas las pistas</translation>
    </message>
    <message>
        <source>Tracks on this frame</source>
        <translation>Pistas de este fotograma</translation>
    </message>
    <message>
        <source>Tracks found only once (perhaps no face)</source>
        <translation>Pistas halladas una sola vez (quizá no sean una cara)</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>Extend to Here</source>
        <translation>Extender hasta aquí</translation>
    </message>
    <message>
        <source>The selected tracks reach the frame shown, their nearest box held.</source>
        <translation>Las pistas seleccionadas llegan hasta el fotograma mostrado, con su recuadro más cercano.</translation>
    </message>
    <message>
        <source>Cut Here</source>
        <translation>Cortar aquí</translation>
    </message>
    <message>
        <source>The selected track becomes two: before the frame shown, and from it on.</source>
        <translation>La pista seleccionada se divide en dos: antes del fotograma mostrado y desde él.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Unir</translation>
    </message>
    <message>
        <source>The selected tracks become one (one person picked up twice); the frames between them are hidden too.</source>
        <translation>Las pistas seleccionadas pasan a ser una (una persona detectada dos veces); los fotogramas entre ellas también se ocultan.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Removes the selected tracks. To leave something visible, uncheck it instead: the log then says so.</source>
        <translation>Quita las pistas seleccionadas. Para dejar algo visible, desmárquelo en su lugar: así lo dice el registro.</translation>
    </message>
    <message>
        <source>Check All</source>
        <translation>Marcar todas</translation>
    </message>
    <message>
        <source>Solid box (cannot be undone)</source>
        <translation>Recuadro opaco (no se puede deshacer)</translation>
    </message>
    <message>
        <source>Pixelate</source>
        <translation>Pixelar</translation>
    </message>
    <message>
        <source>Strong blur</source>
        <translation>Desenfoque fuerte</translation>
    </message>
    <message>
        <source>Effect:</source>
        <translation>Efecto:</translation>
    </message>
    <message>
        <source>Hide everything except the checked tracks</source>
        <translation>Ocultar todo salvo las pistas marcadas</translation>
    </message>
    <message>
        <source>For a suspect among bystanders: only the checked tracks stay visible. Privacy masks stay hidden.</source>
        <translation>Para un sospechoso entre transeúntes: solo quedan visibles las pistas marcadas. Las máscaras de privacidad siguen ocultas.</translation>
    </message>
    <message>
        <source>Remove the sound</source>
        <translation>Quitar el sonido</translation>
    </message>
    <message>
        <source>Keep the sound</source>
        <translation>Conservar el sonido</translation>
    </message>
    <message>
        <source>Sound:</source>
        <translation>Sonido:</translation>
    </message>
    <message>
        <source>Mute from Here</source>
        <translation>Silenciar desde aquí</translation>
    </message>
    <message>
        <source>Unmute All</source>
        <translation>Quitar todos los silencios</translation>
    </message>
    <message>
        <source>Make the Package</source>
        <translation>Crear el paquete</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Closes the editor without a package; the redaction is saved and reopens where it was left.</source>
        <translation>Cierra el editor sin crear un paquete; la redacción se guarda y se reabre donde se dejó.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>%1 / %2 · frame %3</source>
        <translation>%1 / %2 · fotograma %3</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>End the Mute Here</source>
        <translation>Terminar el silencio aquí</translation>
    </message>
    <message>
        <source>The package has no sound.</source>
        <translation>El paquete no tiene sonido.</translation>
    </message>
    <message>
        <source>The sound is kept whole.</source>
        <translation>El sonido se conserva entero.</translation>
    </message>
    <message>
        <source>Muted: %1</source>
        <translation>Silenciado: %1</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Pista</translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s), found on %1</source>
        <translation>
            <numerusform>%n fotograma, hallada en %1</numerusform>
            <numerusform>%n fotogramas, hallada en %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them</source>
        <translation>
            <numerusform>%n de ellos</numerusform>
            <numerusform>%n de ellos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n fotograma</numerusform>
            <numerusform>%n fotogramas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n keyframe(s)</source>
        <translation>
            <numerusform>%n fotograma clave</numerusform>
            <numerusform>%n fotogramas clave</numerusform>
        </translation>
    </message>
    <message>
        <source>Drawn by a person</source>
        <translation>Dibujada por una persona</translation>
    </message>
    <message>
        <source>Found by a detector</source>
        <translation>Hallada por un detector</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>Guardada a las %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Sin guardar: %1</translation>
    </message>
    <message>
        <source>Select one track to cut.</source>
        <translation>Seleccione una pista para cortarla.</translation>
    </message>
    <message>
        <source>Go to a frame inside the track, after its first, to cut it there.</source>
        <translation>Vaya a un fotograma dentro de la pista, después del primero, para cortarla ahí.</translation>
    </message>
    <message>
        <source>Select two tracks or more to merge.</source>
        <translation>Seleccione dos pistas o más para unirlas.</translation>
    </message>
    <message>
        <source>Looked at %1 of %2 frames · %3 tracks left visible, %4 hidden with the rest · something visible on %5 frames · %6 frames where no detector found anything</source>
        <translation>Revisados %1 de %2 fotogramas · %3 pistas visibles, %4 ocultas con el resto · algo visible en %5 fotogramas · %6 fotogramas donde ningún detector encontró nada</translation>
    </message>
    <message>
        <source>Looked at %1 of %2 frames · %3 tracks hidden, %4 left visible · something hidden on %5 frames · %6 frames where no detector found anything</source>
        <translation>Revisados %1 de %2 fotogramas · %3 pistas ocultas, %4 visibles · algo oculto en %5 fotogramas · %6 fotogramas donde ningún detector encontró nada</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::RequestDialog</name>
    <message>
        <source>New Request</source>
        <translation>Nueva solicitud</translation>
    </message>
    <message>
        <source>The request&apos;s reference, e.g. PR-2026-017</source>
        <translation>La referencia de la solicitud, p. ej. PR-2026-017</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Número:</translation>
    </message>
    <message>
        <source>Requested by:</source>
        <translation>Solicitada por:</translation>
    </message>
    <message>
        <source>Court, office or person</source>
        <translation>Juzgado, oficina o persona</translation>
    </message>
    <message>
        <source>Requester:</source>
        <translation>Solicitante:</translation>
    </message>
    <message>
        <source>Court order, public-records law…</source>
        <translation>Orden judicial, ley de acceso a la información…</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Base legal:</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>Recibida:</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Vence:</translation>
    </message>
    <message>
        <source>Footage from:</source>
        <translation>Imágenes desde:</translation>
    </message>
    <message>
        <source>Footage to:</source>
        <translation>Imágenes hasta:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <source>Add Request</source>
        <translation>Añadir la solicitud</translation>
    </message>
    <message>
        <source>Give the request&apos;s number.</source>
        <translation>Indique el número de la solicitud.</translation>
    </message>
    <message>
        <source>Choose the cameras whose footage is asked for.</source>
        <translation>Elija las cámaras cuyas imágenes se solicitan.</translation>
    </message>
    <message>
        <source>The footage asked for must end after it starts.</source>
        <translation>Las imágenes solicitadas deben terminar después de empezar.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::ScheduleDialog</name>
    <message>
        <source>Recording schedule — %1</source>
        <translation>Horario de grabación — %1</translation>
    </message>
    <message>
        <source>Choose a brush, then press and drag over the hours of the week to paint them.</source>
        <translation>Elija un pincel y luego pulse y arrastre sobre las horas de la semana para pintarlas.</translation>
    </message>
    <message>
        <source>Continuous</source>
        <translation>Continua</translation>
    </message>
    <message>
        <source>On motion</source>
        <translation>Con movimiento</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Apagada</translation>
    </message>
    <message>
        <source>Whole week continuous</source>
        <translation>Toda la semana continua</translation>
    </message>
    <message>
        <source>Continuous %1 h, on motion %2 h, off %3 h a week.</source>
        <translation>Continua %1 h, con movimiento %2 h, apagada %3 h a la semana.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::ScheduleGrid</name>
    <message>
        <source>Weekly recording schedule</source>
        <translation>Horario semanal de grabación</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::SearchPage</name>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <source>Bookmark title, case number or note</source>
        <translation>Título, número de caso o nota de un marcador</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alertas</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin grabación</translation>
    </message>
    <message>
        <source>Motion and other events</source>
        <translation>Movimiento y otros eventos</translation>
    </message>
    <message numerus="yes">
        <source>Searching… %n found</source>
        <translation>
            <numerusform>Buscando… %n encontrado</numerusform>
            <numerusform>Buscando… %n encontrados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n results; narrow the search for the rest.</source>
        <translation>
            <numerusform>El primer resultado; acote la búsqueda para ver el resto.</numerusform>
            <numerusform>Los primeros %n resultados; acote la búsqueda para ver el resto.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <source>All cameras</source>
        <translation>Todas las cámaras</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>Nothing to search yet</source>
        <translation>Nada que buscar todavía</translation>
    </message>
    <message>
        <source>Find recorded video by time, camera, bookmark, alert or event. Results will appear here once your cameras are recording.</source>
        <translation>Busque vídeo grabado por hora, cámara, marcador, alerta o evento. Los resultados aparecerán aquí cuando sus cámaras estén grabando.</translation>
    </message>
    <message>
        <source>Search</source>
        <comment>the button that runs a search</comment>
        <translation>Buscar</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::SearchResultsModel</name>
    <message>
        <source>Bookmark</source>
        <translation>Marcador</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerta</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Sin grabación</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Every camera</source>
        <translation>Todas las cámaras</translation>
    </message>
    <message>
        <source>Camera %1</source>
        <translation>Cámara %1</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::SettingsPage</name>
    <message>
        <source>Cameras</source>
        <translation>Cámaras</translation>
    </message>
    <message>
        <source>No cameras yet</source>
        <translation>Todavía no hay cámaras</translation>
    </message>
    <message>
        <source>The cameras you add will be listed here, with their addresses, streams and recording mode.</source>
        <translation>Aquí aparecerán las cámaras que añada, con sus direcciones, flujos y modo de grabación.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>El del sistema</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>A new language takes effect the next time Vigil starts.</source>
        <translation>El nuevo idioma se aplicará la próxima vez que se inicie Vigil.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Carpeta de datos:</translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (versión %2)</translation>
    </message>
    <message>
        <source>Catalog:</source>
        <translation>Catálogo:</translation>
    </message>
    <message>
        <source>Free space:</source>
        <translation>Espacio libre:</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Language not saved</source>
        <translation>No se guardó el idioma</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Graba</translation>
    </message>
    <message>
        <source>Keeps footage</source>
        <translation>Conserva</translation>
    </message>
    <message>
        <source>Double-click a camera to change how it records.</source>
        <translation>Haga doble clic en una cámara para cambiar cómo graba.</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Grabación…</translation>
    </message>
    <message>
        <source>Add Cameras…</source>
        <translation>Añadir cámaras…</translation>
    </message>
    <message>
        <source>until the disk is full</source>
        <translation>hasta que se llene el disco</translation>
    </message>
    <message>
        <source>Recording settings not saved</source>
        <translation>No se guardaron los ajustes de grabación</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 días</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Flujos</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <source>Connection…</source>
        <translation>Conexión…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Quitar…</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivada</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>No se graba</translation>
    </message>
    <message>
        <source>Not recording: the recorder is not running</source>
        <translation>No graba: el grabador no está en marcha</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Arrancando…</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Grabando</translation>
    </message>
    <message>
        <source>Online, not recording now</source>
        <translation>Conectada, no graba ahora</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Desconectada</translation>
    </message>
    <message>
        <source>Offline: %1</source>
        <translation>Desconectada: %1</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>Rename Camera</source>
        <translation>Renombrar cámara</translation>
    </message>
    <message>
        <source>New name of &quot;%1&quot; (for example the street it watches):</source>
        <translation>Nuevo nombre de «%1» (por ejemplo, la calle que vigila):</translation>
    </message>
    <message>
        <source>Camera not renamed</source>
        <translation>Cámara no renombrada</translation>
    </message>
    <message>
        <source>Camera not disabled</source>
        <translation>Cámara no desactivada</translation>
    </message>
    <message>
        <source>Camera not enabled</source>
        <translation>Cámara no activada</translation>
    </message>
    <message>
        <source>Remove Camera</source>
        <translation>Quitar cámara</translation>
    </message>
    <message>
        <source>Remove &quot;%1&quot; from Vigil? It stops recording now.</source>
        <translation>¿Quitar «%1» de Vigil? Deja de grabar ahora.</translation>
    </message>
    <message>
        <source>Its recordings stay, and can be played back, until they are %1 days old. Footage under a legal hold stays until the hold is released.</source>
        <translation>Sus grabaciones se conservan, y se pueden reproducir, hasta que tengan %1 días. Las imágenes bajo retención legal se conservan hasta que se levante la retención.</translation>
    </message>
    <message>
        <source>Its recordings stay, and can be played back, until the disk needs the space. Footage under a legal hold stays until the hold is released.</source>
        <translation>Sus grabaciones se conservan, y se pueden reproducir, hasta que el disco necesite el espacio. Las imágenes bajo retención legal se conservan hasta que se levante la retención.</translation>
    </message>
    <message>
        <source>Camera not removed</source>
        <translation>Cámara no quitada</translation>
    </message>
    <message>
        <source>Privacy Masks…</source>
        <translation>Máscaras de privacidad…</translation>
    </message>
    <message>
        <source>People and Accountability</source>
        <translation>Personas y rendición de cuentas</translation>
    </message>
    <message>
        <source>Users…</source>
        <translation>Usuarios…</translation>
    </message>
    <message>
        <source>Audit Log…</source>
        <translation>Registro de auditoría…</translation>
    </message>
    <message>
        <source>Transparency Report…</source>
        <translation>Informe de transparencia…</translation>
    </message>
    <message>
        <source>Connection not changed</source>
        <translation>Conexión no cambiada</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::SetupWizard</name>
    <message>
        <source>Add Cameras</source>
        <translation>Añadir cámaras</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>%1×%2 %3, %4 fps&lt;br/&gt;&lt;small&gt;%5&lt;/small&gt;</source>
        <translation>%1×%2 %3, %4 fps&lt;br/&gt;&lt;small&gt;%5&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Continuous</source>
        <translation>Continua</translation>
    </message>
    <message>
        <source>On motion</source>
        <translation>Con movimiento</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Vigil commissioning report&lt;/h2&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Informe de puesta en marcha de Vigil&lt;/h2&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Cameras&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Cámaras&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Recorded stream</source>
        <translation>Flujo grabado</translation>
    </message>
    <message>
        <source>Sub stream</source>
        <translation>Flujo secundario</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Storage&lt;/h3&gt;&lt;p&gt;Folder: %1&lt;br/&gt;Free space: %2&lt;br/&gt;Keep footage for: %3 days&lt;br/&gt;Footage per day: %4&lt;br/&gt;Room for: %5 days&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Almacenamiento&lt;/h3&gt;&lt;p&gt;Carpeta: %1&lt;br/&gt;Espacio libre: %2&lt;br/&gt;Conservar las grabaciones: %3 días&lt;br/&gt;Grabaciones por día: %4&lt;br/&gt;Cabe para: %5 días&lt;/p&gt;</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Vigil commissioning report</source>
        <translation>Informe de puesta en marcha de Vigil</translation>
    </message>
    <message>
        <source>Cameras not added</source>
        <translation>Cámaras no añadidas</translation>
    </message>
    <message>
        <source>Some cameras were not added</source>
        <translation>Algunas cámaras no se añadieron</translation>
    </message>
    <message>
        <source>On a schedule: %1</source>
        <translation>Según horario: %1</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:#c62828&apos;&gt;&lt;b&gt;Warning: the disk holds only about %1 days of footage, not the %2 days asked for.&lt;/b&gt; When it is full, Vigil deletes the oldest footage first (never footage under a legal hold).&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:#c62828&apos;&gt;&lt;b&gt;Atención: el disco solo guarda unos %1 días de grabaciones, no los %2 días pedidos.&lt;/b&gt; Cuando se llena, Vigil borra primero las grabaciones más antiguas (nunca las que están bajo retención legal).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not enough room</source>
        <translation>No hay espacio suficiente</translation>
    </message>
    <message>
        <source>The disk holds only about %1 days of footage, not the %2 days you asked to keep. When it is full, the oldest footage is deleted first.</source>
        <translation>El disco solo guarda unos %1 días de grabaciones, no los %2 días que pidió conservar. Cuando se llena, se borran primero las grabaciones más antiguas.</translation>
    </message>
    <message>
        <source>Keep %1 days anyway</source>
        <translation>Conservar %1 días de todos modos</translation>
    </message>
    <message>
        <source>Keep %1 days</source>
        <translation>Conservar %1 días</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Volver</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::StartupError</name>
    <message>
        <source>Vigil cannot start</source>
        <translation>Vigil no puede iniciarse</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::StatusBarController</name>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation>%1 libres de %2</translation>
    </message>
    <message>
        <source>No cameras</source>
        <translation>No hay cámaras</translation>
    </message>
    <message>
        <source>Cameras: %1 (%2 online, %3 recording)</source>
        <translation>Cámaras: %1 (%2 conectadas, %3 grabando)</translation>
    </message>
    <message>
        <source>Storage: %1</source>
        <translation>Almacenamiento: %1</translation>
    </message>
    <message>
        <source>— problems: %1</source>
        <translation>— problemas: %1</translation>
    </message>
    <message>
        <source>RECORDING STOPPED: the disk is full of footage under legal hold.</source>
        <translation>GRABACIÓN DETENIDA: el disco está lleno de imágenes en retención legal.</translation>
    </message>
    <message>
        <source>RECORDING STOPPED: Vigil&apos;s recorder is not running.</source>
        <translation>GRABACIÓN DETENIDA: el grabador de Vigil no está en marcha.</translation>
    </message>
    <message>
        <source>1 alert</source>
        <translation>1 alerta</translation>
    </message>
    <message>
        <source>%1 alerts</source>
        <translation>%1 alertas</translation>
    </message>
    <message>
        <source>Alerts no one has acknowledged yet: click to see them.</source>
        <translation>Alertas que nadie ha dado por vistas todavía: pulse para verlas.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::StorageSetupPage</name>
    <message>
        <source>Storage</source>
        <translation>Almacenamiento</translation>
    </message>
    <message>
        <source>Where recordings go and how long they are kept. Footage older than that is deleted, except footage under a legal hold.</source>
        <translation>Dónde se guardan las grabaciones y durante cuánto tiempo. Las más antiguas se borran, salvo las que estén bajo retención legal.</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Cambiar…</translation>
    </message>
    <message>
        <source>Recordings folder</source>
        <translation>Carpeta de grabaciones</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Carpeta:</translation>
    </message>
    <message>
        <source>Free space:</source>
        <translation>Espacio libre:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>Keep footage for:</source>
        <translation>Conservar las grabaciones:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>The cameras record about %1 a day: this folder has room for about %2 days.</source>
        <translation>Las cámaras graban unos %1 al día: en esta carpeta caben unos %2 días.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;That is less than the %1 days you want to keep.&lt;/b&gt;&lt;/span&gt; Choose a bigger disk, fewer days, or motion recording.</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;&lt;b&gt;Es menos que los %1 días que quiere conservar.&lt;/b&gt;&lt;/span&gt; Elija un disco más grande, menos días o la grabación con movimiento.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::StreamText</name>
    <message>
        <source>unknown format</source>
        <translation>formato desconocido</translation>
    </message>
    <message>
        <source>%1×%2 %3</source>
        <translation>%1×%2 %3</translation>
    </message>
    <message>
        <source>%1×%2 %3, %4 fps</source>
        <translation>%1×%2 %3, %4 fps</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>sub stream only: %1</source>
        <translation>solo el flujo secundario: %1</translation>
    </message>
    <message>
        <source>%1, and the sub stream %2</source>
        <translation>%1, y el flujo secundario %2</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::StreamsSetupPage</name>
    <message>
        <source>Streams</source>
        <translation>Flujos</translation>
    </message>
    <message>
        <source>Vigil records each camera&apos;s best stream and uses its small stream for quick browsing. The choice below was made automatically; change it only if you need to.</source>
        <translation>Vigil graba el mejor flujo de cada cámara y usa su flujo pequeño para navegar rápido. La elección de abajo se hizo automáticamente; cámbiela solo si lo necesita.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Recorded stream</source>
        <translation>Flujo grabado</translation>
    </message>
    <message>
        <source>Small stream</source>
        <translation>Flujo pequeño</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::SummarySetupPage</name>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Check the plan, save it for your records, then add the cameras.</source>
        <translation>Revise el plan, guárdelo para sus archivos y añada las cámaras.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save the commissioning report</source>
        <translation>Guardar el informe de puesta en marcha</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report not saved</source>
        <translation>Informe no guardado</translation>
    </message>
    <message>
        <source>Vigil could not write &quot;%1&quot;.</source>
        <translation>Vigil no pudo escribir «%1».</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::TimelineWidget</name>
    <message>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message>
        <source>Bookmark</source>
        <translation>Marcador</translation>
    </message>
    <message>
        <source>Case %1</source>
        <translation>Caso %1</translation>
    </message>
    <message>
        <source>Legal hold: never deleted by retention</source>
        <translation>Retención legal: la limpieza automática nunca lo borra</translation>
    </message>
    <message>
        <source>%1: recorded
%2</source>
        <translation>%1: grabado
%2</translation>
    </message>
    <message>
        <source>%1: not recorded (%2)
%3</source>
        <translation>%1: sin grabación (%2)
%3</translation>
    </message>
    <message>
        <source>%1: not recorded
%2</source>
        <translation>%1: sin grabación
%2</translation>
    </message>
    <message>
        <source>%1: %2
%3</source>
        <translation>%1: %2
%3</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::TransparencyDialog</name>
    <message>
        <source>Transparency Report</source>
        <translation>Informe de transparencia</translation>
    </message>
    <message>
        <source>What the cameras were used for, in numbers a town can publish: cameras and their retention, hours recorded, live views, playback, exports, holds, masks lifted, failed logins. No footage and no names.</source>
        <translation>Para qué se usaron las cámaras, en cifras que un municipio puede publicar: cámaras y su retención, horas grabadas, visualizaciones en directo, reproducciones, exportaciones, retenciones, máscaras levantadas, inicios de sesión fallidos. Sin grabaciones y sin nombres.</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <source>To (included):</source>
        <translation>Hasta (incluido):</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Save the Transparency Report</source>
        <translation>Guardar el informe de transparencia</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf);;CSV files (*.csv)</source>
        <translation>Documentos PDF (*.pdf);;Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Each person has their own login. The role decides what they may do; users are disabled, never deleted, so that the audit log can always name them.</source>
        <translation>Cada persona tiene su propio usuario. El rol decide qué puede hacer; los usuarios se desactivan, nunca se borran, para que el registro de auditoría siempre pueda nombrarlos.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Cameras</source>
        <translation>Cámaras</translation>
    </message>
    <message>
        <source>Last login</source>
        <translation>Último inicio de sesión</translation>
    </message>
    <message>
        <source>Add User…</source>
        <translation>Añadir usuario…</translation>
    </message>
    <message>
        <source>Role…</source>
        <translation>Rol…</translation>
    </message>
    <message>
        <source>Cameras…</source>
        <translation>Cámaras…</translation>
    </message>
    <message>
        <source>Reset Password…</source>
        <translation>Nueva contraseña…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>%1 (disabled)</source>
        <translation>%1 (desactivado)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message numerus="yes">
        <source>%n camera(s)</source>
        <translation>
            <numerusform>%n cámara</numerusform>
            <numerusform>%n cámaras</numerusform>
        </translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nunca</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Nombre completo:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <source>Create the Administrator</source>
        <translation>Crear el administrador</translation>
    </message>
    <message>
        <source>Add a User</source>
        <translation>Añadir un usuario</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>Rol de %1</translation>
    </message>
    <message>
        <source>New Password for %1</source>
        <translation>Nueva contraseña de %1</translation>
    </message>
    <message>
        <source>Every camera, including cameras added later</source>
        <translation>Todas las cámaras, también las que se añadan después</translation>
    </message>
    <message>
        <source>Cameras %1 May See</source>
        <translation>Cámaras que %1 puede ver</translation>
    </message>
</context>
<context>
    <name>vigil::widgets::WelcomeSetupPage</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenida</translation>
    </message>
    <message>
        <source>&lt;p&gt;This assistant finds the cameras on your network, checks that Vigil can log in to them, and sets up their recording. It takes a few minutes.&lt;/p&gt;&lt;p&gt;Before you start, make sure the cameras are connected and switched on, and have their user name and password at hand (it is often on a label or in the installer&apos;s notes).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Este asistente encuentra las cámaras de su red, comprueba que Vigil puede iniciar sesión en ellas y configura su grabación. Tarda unos minutos.&lt;/p&gt;&lt;p&gt;Antes de empezar, asegúrese de que las cámaras están conectadas y encendidas, y tenga a mano su usuario y contraseña (suelen estar en una etiqueta o en las notas del instalador).&lt;/p&gt;</translation>
    </message>
</context>
</TS>
