# Fails when a user-visible string has no Spanish translation: refreshes a copy of the committed
# .ts from the sources with lupdate (so strings added without updating the .ts count too) and
# looks for unfinished messages.
# Usage: cmake -DROOT=<src> -DLUPDATE=<lupdate> -DWORK_DIR=<dir> -P check_translations.cmake
file(MAKE_DIRECTORY ${WORK_DIR})
set(failures "")
file(GLOB ts_files ${ROOT}/translations/*.ts)
if(NOT ts_files)
    message(FATAL_ERROR "no .ts files in ${ROOT}/translations")
endif()
foreach(ts IN LISTS ts_files)
    get_filename_component(name ${ts} NAME)
    configure_file(${ts} ${WORK_DIR}/${name} COPYONLY)
    execute_process(
        COMMAND ${LUPDATE} -silent -no-obsolete -locations none -I ${ROOT}
                ${ROOT}/app ${ROOT}/core ${ROOT}/widgets -ts ${WORK_DIR}/${name}
        RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "lupdate failed on ${name}")
    endif()
    file(READ ${WORK_DIR}/${name} content)
    string(REGEX MATCHALL "<source>[^<]*</source>[ \t\r\n]*(<comment>[^<]*</comment>[ \t\r\n]*)?<translation type=\"unfinished\"" missing "${content}")
    string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${content}")
    list(LENGTH unfinished count)
    if(count GREATER 0)
        list(JOIN missing "\n" text)
        list(APPEND failures "${name}: ${count} untranslated or outdated message(s):\n${text}")
    endif()
endforeach()
if(failures)
    list(JOIN failures "\n" text)
    message(FATAL_ERROR "${text}\nRun: cmake --build build --target update_translations, then translate.")
endif()
message(STATUS "All translations complete")
