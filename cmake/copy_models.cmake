# Copies the *.onnx files of FROM into TO when they differ (a script: runs at build time, after
# tools/setup may have fetched them).
file(GLOB models ${FROM}/*.onnx)
foreach(model ${models})
    get_filename_component(name ${model} NAME)
    file(COPY_FILE ${model} ${TO}/${name} ONLY_IF_DIFFERENT)
endforeach()
