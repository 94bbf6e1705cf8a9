#!/usr/bin/python3
"""Rewrites an ONNX model's Clip nodes whose min/max come as constant inputs (opset >= 11) into
Clip nodes with min/max attributes, which OpenCV 4.6's ONNX importer reads. Used by tools/setup on
the PP-OCRv4 text detector; the arithmetic is unchanged.

usage: clip_attributes.py IN.onnx OUT.onnx
"""
import sys

import onnx
from onnx import helper, numpy_helper


def main(source, target):
    model = onnx.load(source)
    graph = model.graph
    constants = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    for node in graph.node:
        if node.op_type == "Constant":
            for a in node.attribute:
                if a.name == "value":
                    constants[node.output[0]] = numpy_helper.to_array(a.t)
    rewritten = 0
    for node in graph.node:
        if node.op_type != "Clip" or len(node.input) <= 1:
            continue
        names = list(node.input)
        attrs = []
        for index, attr in ((1, "min"), (2, "max")):
            if index < len(names) and names[index]:
                if names[index] not in constants:
                    sys.exit("Clip %s: %s is not a constant" % (node.name, attr))
                attrs.append(helper.make_attribute(attr, float(constants[names[index]])))
        del node.input[1:]
        node.attribute.extend(attrs)
        rewritten += 1
    # Clip with attributes is opset 6 Clip; OpenCV reads the attributes whatever the opset says.
    onnx.save(model, target)
    print("%s: %d Clip node(s) rewritten" % (target, rewritten))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
