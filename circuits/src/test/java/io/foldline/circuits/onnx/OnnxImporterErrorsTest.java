package io.foldline.circuits.onnx;

import static io.foldline.circuits.onnx.OnnxBuilder.dims;
import static io.foldline.circuits.onnx.OnnxBuilder.in;
import static io.foldline.circuits.onnx.OnnxBuilder.int64Tensor;
import static io.foldline.circuits.onnx.OnnxBuilder.intAttr;
import static io.foldline.circuits.onnx.OnnxBuilder.intsAttr;
import static io.foldline.circuits.onnx.OnnxBuilder.stringAttr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.foldline.circuits.FormatException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed or unsupported models: a FormatException naming the file and the node or field, nothing else. */
class OnnxImporterErrorsTest {
    private static String error(byte[] model) {
        return assertThrows(FormatException.class, () -> OnnxImporter.importModel("m.onnx", model)).getMessage();
    }

    /** x [N, 4] -> Gemm (w [3, 4], transB) -> ...: the start of most broken models below. */
    private static OnnxBuilder gemm() {
        return OnnxBuilder.model().input("x", "N", 4)
                .weights("w", dims(3, 4), new double[12])
                .node("Gemm", "fc", in("x", "w"), "g", intAttr("transB", 1));
    }

    private static OnnxBuilder image() {
        return OnnxBuilder.model().input("x", "N", 2, 4, 4).weights("w", dims(2, 2, 3, 3), new double[36]);
    }

    @Test
    void everyTruncationOfAFixtureIsAFormatError() throws Exception {
        byte[] full = Files.readAllBytes(Fixtures.dir().resolve("digits_cnn.onnx"));
        String half = assertThrows(FormatException.class,
                () -> OnnxImporter.importModel("digits_cnn.onnx", Arrays.copyOf(full, full.length / 2))).getMessage();
        assertTrue(half.matches("digits_cnn\\.onnx: graph: length \\d+ runs past the end of the message"
                + " \\(\\d+ bytes left\\)"), half);
        for (int cut = 0; cut < full.length; cut++) {
            byte[] b = Arrays.copyOf(full, cut);
            FormatException e = assertThrows(FormatException.class, () -> OnnxImporter.importModel("t.onnx", b),
                    "cut at " + cut);
            assertTrue(e.getMessage().startsWith("t.onnx: "), e.getMessage());
        }
    }

    @Test
    void randomBytesAndMutatedBytesFailCleanly() throws Exception {
        Random r = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] b = new byte[1 + r.nextInt(400)];
            r.nextBytes(b);
            String msg = assertThrows(FormatException.class,
                    () -> OnnxImporter.importModel("random.onnx", b)).getMessage();
            assertTrue(msg.startsWith("random.onnx: "), msg);
        }
        // one changed byte either still imports or is refused with a FormatException, never another exception
        byte[] good = Files.readAllBytes(Fixtures.dir().resolve("credit_mlp.onnx"));
        for (int pos = 0; pos < good.length; pos++) {
            byte[] b = good.clone();
            b[pos] = (byte) (b[pos] ^ (1 + r.nextInt(255)));
            try {
                OnnxImporter.importModel("mutated.onnx", b);
            } catch (FormatException e) {
                assertTrue(e.getMessage().startsWith("mutated.onnx: "), e.getMessage());
            }
        }
    }

    @Test
    void namesTheNestedFieldWhoseLengthRunsPastTheEnd() {
        ProtoWriter node = new ProtoWriter().string(1, "x").string(2, "y").string(4, "Relu")
                .message(5, intAttr("alpha", 1))
                .tag(5, 2).rawVarint(912).raw(new byte[40]);
        byte[] model = OnnxBuilder.model().input("x", "N", 4).node(new ProtoWriter()).node(node).output("y").build();
        assertEquals("m.onnx: graph.node[1].attribute[1]: length 912 runs past the end of the message"
                + " (40 bytes left)", error(model));
    }

    @Test
    void unsupportedOpNamesTheOpTheNodeAndTheSupportedOnes() {
        String named = error(gemm().node("Tanh", "Tanh_3", in("g"), "y").output("y").build());
        assertTrue(named.startsWith("m.onnx: node 1 'Tanh_3' (Tanh): op Tanh is not supported; supported: Gemm,"
                + " MatMul, Add, BatchNormalization, Conv, MaxPool, AveragePool, Relu, Flatten"), named);
        String unnamed = error(gemm().node("LeakyRelu", "", in("g"), "y").output("y").build());
        assertTrue(unnamed.startsWith("m.onnx: node 1 (LeakyRelu): op LeakyRelu is not supported"), unnamed);
    }

    @Test
    void unsupportedAttributesAreNamed() {
        assertEquals("m.onnx: node 0 'conv2' (Conv): attribute group=2 is not supported (only group=1)",
                error(image().node("Conv", "conv2", in("x", "w"), "y", intAttr("group", 2)).output("y").build()));
        assertEquals("m.onnx: node 0 'c' (Conv): attribute auto_pad=SAME_UPPER is not supported (only NOTSET with"
                + " explicit pads, or VALID)", error(image().node("Conv", "c", in("x", "w"), "y",
                stringAttr("auto_pad", "SAME_UPPER")).output("y").build()));
        assertEquals("m.onnx: node 0 'c' (Conv): attribute dilations=[2, 2] is not supported (only 1)",
                error(image().node("Conv", "c", in("x", "w"), "y", intsAttr("dilations", 2, 2)).output("y").build()));
        assertTrue(error(image().node("Conv", "c", in("x", "w"), "y", intAttr("foo", 1)).output("y").build())
                .startsWith("m.onnx: node 0 'c' (Conv): attribute foo is not supported (known: auto_pad,"));
        assertEquals("m.onnx: node 0 'p' (MaxPool): attribute ceil_mode=1 is not supported (only ceil_mode=0)",
                error(image().node("MaxPool", "p", in("x"), "y", intsAttr("kernel_shape", 2, 2),
                        intAttr("ceil_mode", 1)).output("y").build()));
        assertEquals("m.onnx: node 0 'fc' (Gemm): attribute transA=1 is not supported (only transA=0)",
                error(OnnxBuilder.model().input("x", "N", 4).weights("w", dims(4, 3), new double[12])
                        .node("Gemm", "fc", in("x", "w"), "y", intAttr("transA", 1)).output("y").build()));
        assertEquals("m.onnx: node 1 'f' (Flatten): attribute axis=2 is not supported (only axis=1, which keeps"
                + " the batch axis)", error(image().node("Conv", "c", in("x", "w"), "c")
                .node("Flatten", "f", in("c"), "y", intAttr("axis", 2)).output("y").build()));
    }

    @Test
    void aHeadMustBeTheLastNode() {
        assertEquals("m.onnx: node 1 'sm' (Softmax): Softmax is supported only as the last node of the graph"
                + " (the head), but other nodes follow it", error(gemm().node("Softmax", "sm", in("g"), "s")
                .node("Relu", "r", in("s"), "y").output("y").build()));
    }

    @Test
    void externalDataIsRefused() {
        ProtoWriter external = new ProtoWriter().packedVarints(1, 3, 4).varint(2, 1).string(8, "w")
                .message(13, new ProtoWriter().string(1, "location").string(2, "w.bin")).varint(14, 1);
        String msg = error(OnnxBuilder.model().input("x", "N", 4).initializer(external)
                .node("Gemm", "fc", in("x", "w"), "y", intAttr("transB", 1)).output("y").build());
        assertTrue(msg.startsWith("m.onnx: graph.initializer[0]: tensor 'w' keeps its data in an external file"
                + " (data_location EXTERNAL)"), msg);
    }

    @Test
    void graphsThatAreNotChainsAreRefused() {
        assertEquals("m.onnx: node 2 'res' (Add): Add of two activations (residual) is not supported",
                error(gemm().node("Relu", "r", in("g"), "r").node("Add", "res", in("r", "g"), "y")
                        .output("y").build()));
        assertTrue(error(gemm().node("Relu", "r", in("x"), "y").output("y").build())
                .startsWith("m.onnx: node 1 'r' (Relu): input 0 'x' is not the output of the previous node"
                        + " (expected 'g')"));
        assertEquals("m.onnx: graph.output[0] 'g': is not the output of the last node ('y')",
                error(gemm().node("Relu", "r", in("g"), "y").output("g").build()));
        assertEquals("m.onnx: graph.input: 2 inputs that are not initializers [x, z]; exactly one is supported",
                error(gemm().input("z", "N", 4).output("g").build()));
    }

    @Test
    void foldsNeedALinearLayerRightBefore() {
        OnnxBuilder bn = OnnxBuilder.model().input("x", "N", 3);
        for (String p : new String[] {"s", "b", "m", "v"}) {
            bn.weights(p, dims(3), 1, 1, 1);
        }
        assertEquals("m.onnx: node 1 'bn' (BatchNormalization): BatchNormalization is supported only right after a"
                + " Conv, Gemm or MatMul, into which it is folded", error(bn.node("Relu", "r", in("x"), "r")
                .node("BatchNormalization", "bn", in("r", "s", "b", "m", "v"), "y").output("y").build()));
        assertEquals("m.onnx: node 2 'add' (Add): Add of a constant is supported only as the bias of the Gemm,"
                + " MatMul or Conv right before it", error(gemm().weights("c", dims(3), 1, 2, 3)
                .node("Relu", "r", in("g"), "r").node("Add", "add", in("r", "c"), "y").output("y").build()));
        String spatial = error(image().weights("c", dims(1, 2, 4, 1), new double[8])
                .node("Conv", "conv", in("x", "w"), "conv", intsAttr("pads", 1, 1, 1, 1))
                .node("Add", "add", in("conv", "c"), "y").output("y").build());
        assertTrue(spatial.startsWith("m.onnx: node 1 'add' (Add): addend 'c' [1, 2, 4, 1] does not broadcast to"
                + " a per-channel bias of [batch, 2, 4, 4]"), spatial);
    }

    @Test
    void badTensorsShapesAndDomainsAreRefused() {
        String count = error(OnnxBuilder.model().input("x", "N", 4).weights("w", dims(3, 4), new double[11])
                .node("Gemm", "fc", in("x", "w"), "y", intAttr("transB", 1)).output("y").build());
        assertEquals("m.onnx: graph.initializer[0]: tensor 'w' has dims [3, 4] (12 values) but holds 11 values",
                count);
        assertEquals("m.onnx: opset_import[1]: domain 'ai.onnx.ml' is not supported (only the default ONNX"
                + " domain, \"\" or \"ai.onnx\")",
                error(gemm().opset("", 13).opset("ai.onnx.ml", 3).output("g").build()));
        assertEquals("m.onnx: graph.input[0] 'x': the first axis of [3, 4] must be the batch (symbolic or 1)",
                error(OnnxBuilder.model().input("x", 3, 4).output("x").build()));
        assertEquals("m.onnx: graph.input[0] 'x': axis 1 of [N, W] must have a known size >= 1",
                error(OnnxBuilder.model().input("x", "N", "W").output("x").build()));
        assertEquals("m.onnx: node 0 'r' (Reshape): shape [2, -1] does not keep the batch axis first (its first"
                + " entry must be 0, -1 or 1)", error(OnnxBuilder.model().input("x", "N", 4)
                .initializer(int64Tensor("s", dims(2), 2, -1)).node("Reshape", "r", in("x", "s"), "y")
                .output("y").build()));
        assertEquals("m.onnx: node 1 'fc2' (Gemm): B 'w' [3, 4] (transposed) takes 4 inputs, the activation has 3",
                error(gemm().node("Gemm", "fc2", in("g", "w"), "y", intAttr("transB", 1)).output("y").build()));
        assertEquals("m.onnx: (top level): no graph (field 7): not an ONNX model",
                error(new ProtoWriter().varint(1, 8).toByteArray()));
    }

    @Test
    void aMissingFileIsNamed() {
        String msg = assertThrows(FormatException.class,
                () -> OnnxImporter.load(Fixtures.dir().resolve("no_such_model.onnx"))).getMessage();
        assertTrue(msg.startsWith("no_such_model.onnx: no such file"), msg);
    }
}
