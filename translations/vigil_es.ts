<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Video management for small municipalities: cameras, recording, playback and evidence on one computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil talks only to the cameras you add. It never identifies people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FFmpeg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenCV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libsodium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy versions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CameraStore</name>
    <message>
        <source>counting the cameras</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Catalog</name>
    <message>
        <source>Cannot read the catalog &quot;%1&quot;. Check its permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Vigil catalog: it is not an SQLite database, or it is damaged. Vigil left it untouched. Restore it from a backup, or move it away to start a new catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the catalog &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading the schema version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is an SQLite database, but not a Vigil catalog. Vigil left it untouched; choose another data folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog &quot;%1&quot; was written by a newer version of Vigil (catalog version %2; this Vigil knows up to version %3). Install the newer Vigil again; the catalog was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>switching the catalog to WAL mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>configuring the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starting a catalog upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrading the catalog to version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog &quot;%1&quot; stayed locked by another program (another Vigil, or a database tool) for %2 seconds while %3. Close that program and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog &quot;%1&quot; is damaged (found while %2). Vigil left it untouched. Restore it from a backup, or move it away to start a new catalog.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding the catalog &quot;%1&quot; is full (while %2). Free some space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil cannot write the catalog &quot;%1&quot; (while %2). Check the permissions and the disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A catalog error happened while %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Folder for the catalog, recordings and logs (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the interface, e.g. en or es (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataDir</name>
    <message>
        <source>No data folder was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder &quot;%1&quot; is a file, not a folder. Choose another folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the data folder &quot;%1&quot;. Check that its parent folder exists and that you may write there, or choose another folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vigil cannot write to the data folder &quot;%1&quot;. Give your user write access to it, or choose another folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <source>No evidence packages yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redacted evidence packages, with hashes and a signature anyone can verify, will be listed here. You create one by exporting a clip from Playback or Search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <source>Vigil: video management for small municipalities.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstanceLock</name>
    <message>
        <source>Another Vigil (process %1 on %2) is already using the data folder &quot;%3&quot;. Close it first, or choose another folder with --data-dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the lock file &quot;%1&quot; in the data folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LivePage</name>
    <message>
        <source>No cameras yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live video from your cameras will appear here in a grid. Add your cameras to get started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Cameras…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding cameras is not available in this build yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Vigil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaybackPage</name>
    <message>
        <source>Nothing recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded video will appear here on a timeline, with recorded spans, events and bookmarks, once your cameras are recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Nothing to search yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find recorded video by time, camera, event or a region of the picture. Results will appear here once your cameras are recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cameras yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The cameras you add will be listed here, with their addresses, streams and recording mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language takes effect the next time Vigil starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsStore</name>
    <message>
        <source>A setting needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting &quot;%1&quot; cannot hold a value of type %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saving the setting &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>removing the setting &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listing the settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no setting called &quot;%1&quot;. &quot;vigilctl settings list&quot; shows them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid value for &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBarController</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 free of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cameras</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n camera(s): %1 online, %2 recording</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Storage: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::app::Ctl</name>
    <message>
        <source>Vigil command line.

Commands:
  info                   Data folder, catalog and library versions
  settings list          Settings with their values
  settings get KEY       Print one setting
  settings set KEY VALUE Change a setting
  settings unset KEY     Return a setting to its default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print machine-readable JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait for a catalog locked by another program (default: 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>command [arguments…]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--lock-timeout takes a number of seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vigilctl: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &quot;vigilctl --help&quot; for the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder:    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog:        %1 (version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cameras:        %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free space:     %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt %1, FFmpeg %2, OpenCV %3, SQLite %4, libsodium %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use: settings list | get KEY | set KEY VALUE | unset KEY</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::catalog::SettingsStore</name>
    <message>
        <source>Language of the user interface (en, es); empty follows the system</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vigil::widgets::StartupError</name>
    <message>
        <source>Vigil cannot start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
