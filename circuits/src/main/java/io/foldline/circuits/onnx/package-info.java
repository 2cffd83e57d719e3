/**
 * Imports ONNX float models ({@code .onnx}) into the float IR of {@link io.foldline.circuits.model}, with a
 * protobuf reader of our own (no protobuf dependency). Entry points:
 * {@link io.foldline.circuits.onnx.OnnxImporter#load(java.nio.file.Path)} and
 * {@link io.foldline.circuits.onnx.OnnxImporter#importModel(String, byte[])}.
 *
 * <p>Sources: the protobuf encoding guide (protobuf.dev/programming-guides/encoding) and ONNX's
 * {@code onnx/onnx.proto3} and operator docs ({@code docs/Operators.md}), opsets 1 to 23.
 *
 * <h2>Wire format</h2>
 * A message is a sequence of fields, each a varint key {@code (field number << 3) | wire type} and a value:
 * wire type 0 a varint (7 bits a byte, little-endian groups, high bit = more; at most 10 bytes), 1 eight
 * bytes little-endian, 2 a varint length then that many bytes (strings, bytes, embedded messages, packed
 * repeated scalars), 5 four bytes little-endian. Unknown fields are skipped by wire type; groups (3, 4),
 * wire types 6 and 7, a varint over 10 bytes or past 64 bits, and a length past the end of the enclosing
 * message are errors. Repeated scalars are accepted packed and unpacked, even mixed. For example the
 * NodeProto {@code Relu(x) -> y} with attribute {@code group = 2} is
 * <pre>
 * 0a 01 78                 input  (1, LEN) "x"
 * 12 01 79                 output (2, LEN) "y"
 * 22 04 52 65 6c 75        op_type (4, LEN) "Relu"
 * 2a 0c                    attribute (5, LEN), 12 bytes:
 *   0a 05 67 72 6f 75 70     name (1) "group"
 *   18 02                    i (3, VARINT) 2
 *   a0 01 02                 type (20, VARINT) 2 = INT
 * </pre>
 *
 * <h2>Fields read (onnx.proto3 numbers)</h2>
 * <table>
 *   <caption>ONNX messages</caption>
 *   <tr><th>message</th><th>fields</th></tr>
 *   <tr><td>ModelProto</td><td>ir_version 1, graph 7, opset_import 8</td></tr>
 *   <tr><td>OperatorSetIdProto</td><td>domain 1, version 2</td></tr>
 *   <tr><td>GraphProto</td><td>node 1, name 2, initializer 5, input 11, output 12 (sparse_initializer 15
 *       refused)</td></tr>
 *   <tr><td>NodeProto</td><td>input 1, output 2, name 3, op_type 4, attribute 5, domain 7</td></tr>
 *   <tr><td>AttributeProto</td><td>name 1, f 2, i 3, s 4, t 5, floats 7, ints 8, type 20 (inferred from the
 *       value field when absent)</td></tr>
 *   <tr><td>TensorProto</td><td>dims 1, data_type 2, float_data 4, int32_data 5 (BOOL only), int64_data 7,
 *       name 8, raw_data 9 (little-endian), double_data 10; data types FLOAT 1, INT64 7, BOOL 9, DOUBLE 11.
 *       segment 3, external_data 13 and data_location 14 = EXTERNAL are refused</td></tr>
 *   <tr><td>ValueInfoProto</td><td>name 1, type 2 &rarr; TypeProto.tensor_type 1 &rarr; elem_type 1,
 *       shape 2 &rarr; TensorShapeProto.dim 1 &rarr; dim_value 1 / dim_param 2</td></tr>
 * </table>
 *
 * <h2>Graphs accepted</h2>
 * Operator sets of the default domain only ({@code ""} or {@code "ai.onnx"}). One graph input that is not
 * an initializer, FLOAT or DOUBLE, shaped {@code [batch, ...]} with the batch symbolic or 1 and the other
 * dims known; one graph output, the last node's. The nodes form a chain: each reads the previous node's
 * output, plus initializers and Constant outputs. Supported:
 * <ul>
 *   <li>Gemm (transA 0; transB, alpha, beta and a broadcast C folded in) and MatMul by a constant
 *       [in, out] matrix: {@link io.foldline.circuits.model.Dense}, weight stored [out][in];</li>
 *   <li>Add of a constant right after a Gemm, MatMul or Conv: added to its bias (the constant may vary only
 *       along the channel axis, by ONNX broadcasting: [C], [1, C] after a Dense; [C, 1, 1], [1, C, 1, 1]
 *       after a Conv; or a scalar);</li>
 *   <li>BatchNormalization (inference) right after a Gemm, MatMul or Conv: folded per output channel,
 *       {@code w' = w g, b' = (b - mean) g + beta, g = scale / sqrt(var + epsilon)};</li>
 *   <li>Conv (2-D, group 1, dilations 1, auto_pad NOTSET or VALID), MaxPool and AveragePool (2-D,
 *       ceil_mode 0, dilations 1, storage_order 0; count_include_pad 0 or 1);</li>
 *   <li>Relu; Flatten (axis 1) and Reshape (constant shape counting the batch axis; 0 copies, one -1 is
 *       inferred): {@link io.foldline.circuits.model.Reshape}, or nothing when the shape is unchanged;</li>
 *   <li>Identity, Dropout (inference), Constant (value, value_float(s), value_int(s)): no layer;</li>
 *   <li>Sigmoid or Softmax as the last node only: the {@link io.foldline.circuits.model.Head}. Softmax must
 *       cover every logit (opset 13+: the other non-batch axes have size 1; before 13: the axes before
 *       {@code axis} have size 1).</li>
 * </ul>
 * Anything else, including an attribute a supported op does not know, is refused with an
 * {@link io.foldline.circuits.FormatException} naming the file and the node, e.g.
 * {@code "m.onnx: node 4 'conv2' (Conv): attribute group=2 is not supported (only group=1)"}; a damaged
 * file names the field path, e.g. {@code "m.onnx: graph.node[3].attribute[1]: length 912 runs past the end
 * of the message (40 bytes left)"}. The imported model is checked against onnxruntime in the tests.
 */
package io.foldline.circuits.onnx;
