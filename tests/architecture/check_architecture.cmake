# Layering rules (STYLE.md §2–3, ARCHITECTURE.md):
#  - core/ never includes QtWidgets, nor anything from widgets/ or app/;
#  - widgets/ never includes FFmpeg (libav*, libsw*), OpenCV, SQLite or QtSql headers;
#  - core's public headers never expose FFmpeg, OpenCV, libsodium or QtSql (they link PRIVATE);
#  - vigilctl (when given) does not load QtWidgets.
# Usage: cmake -DROOT=<tree> [-DVIGILCTL=<path>] -P check_architecture.cmake
if(NOT ROOT)
    message(FATAL_ERROR "ROOT not set")
endif()

set(violations "")

function(check_files glob regex reason)
    file(GLOB_RECURSE files RELATIVE ${ROOT} ${ROOT}/${glob})
    foreach(f IN LISTS files)
        # Private headers (*_p.h, as in Qt) are included only by core's own .cpp files.
        if(ARGV3 AND f MATCHES "${ARGV3}")
            continue()
        endif()
        file(STRINGS ${ROOT}/${f} lines REGEX "^[ \t]*#[ \t]*include")
        foreach(line IN LISTS lines)
            if(line MATCHES "${regex}")
                string(STRIP "${line}" line)
                list(APPEND violations "${f}: ${line} -- ${reason}")
            endif()
        endforeach()
    endforeach()
    set(violations "${violations}" PARENT_SCOPE)
endfunction()

set(widgets_headers "<(QtWidgets|QWidget|QMainWindow|QDialog|QApplication|QMessageBox|QAbstractButton|QLabel|QLayout)[/>]")
foreach(ext h cpp)
    check_files("core/*.${ext}" "${widgets_headers}" "core must not use QtWidgets")
    check_files("core/*.${ext}" "[<\"](widgets|app)/" "core must not include widgets/ or app/")
    check_files("widgets/*.${ext}" "[<\"](libav|libsw|opencv2?/|sqlite3|QSql|QtSql)"
        "widgets must not use FFmpeg, OpenCV or SQL")
endforeach()
check_files("core/*.h" "[<\"](libav|libsw|opencv2?/|sodium|openssl/|QSql|QtSql)"
    "a public core header must not expose FFmpeg, OpenCV, libsodium or SQL (link them PRIVATE)"
    "_p\\.h$")
# … and no public header includes a private one.
check_files("core/*.h" "_p\\.h[>\"]" "a public core header must not include a private (_p.h) one"
    "_p\\.h$")
check_files("widgets/*.h" "_p\\.h[>\"]" "widgets must not include core's private headers")
check_files("widgets/*.cpp" "_p\\.h[>\"]" "widgets must not include core's private headers")

if(VIGILCTL AND EXISTS "${VIGILCTL}")
    find_program(LDD ldd)
    if(LDD)
        execute_process(COMMAND ${LDD} ${VIGILCTL} OUTPUT_VARIABLE deps RESULT_VARIABLE rc)
        if(rc EQUAL 0 AND deps MATCHES "Qt6Widgets")
            list(APPEND violations "vigilctl links QtWidgets -- the command line must use core only")
        endif()
    endif()
endif()

if(violations)
    list(JOIN violations "\n" text)
    message(FATAL_ERROR "Architecture rules broken:\n${text}")
endif()
message(STATUS "Architecture rules hold in ${ROOT}")
