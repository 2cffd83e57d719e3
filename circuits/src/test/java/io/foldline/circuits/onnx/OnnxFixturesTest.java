package io.foldline.circuits.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.model.AvgPool2d;
import io.foldline.circuits.model.Conv2d;
import io.foldline.circuits.model.Dense;
import io.foldline.circuits.model.FloatLayer;
import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.model.Head;
import io.foldline.circuits.model.MaxPool2d;
import io.foldline.circuits.model.Window2d;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every fixture model imports with the layers its README row describes; the refused ones are refused. */
class OnnxFixturesTest {
    /** Input shape, then per layer its kind and output shape, then the head. */
    private record Expected(int[] input, List<String> layers, Head head) {
    }

    private static final Map<String, Expected> EXPECTED = Map.of(
            "digits_mlp", new Expected(new int[] {64},
                    List.of("dense [32]", "relu [32]", "dense [10]"), Head.NONE),
            "digits_cnn", new Expected(new int[] {1, 8, 8},
                    List.of("conv2d [4, 8, 8]", "relu [4, 8, 8]", "maxpool2d [4, 4, 4]", "conv2d [8, 4, 4]",
                            "relu [8, 4, 4]", "avgpool2d [8, 2, 2]", "reshape [32]", "dense [10]"), Head.NONE),
            "digits_ops", new Expected(new int[] {1, 8, 8},
                    List.of("conv2d [4, 4, 4]", "relu [4, 4, 4]", "maxpool2d [4, 5, 5]", "avgpool2d [4, 5, 5]",
                            "reshape [100]", "dense [24]", "relu [24]", "dense [10]"), Head.SOFTMAX),
            "credit_logreg", new Expected(new int[] {30}, List.of("dense [1]"), Head.SIGMOID),
            "credit_mlp", new Expected(new int[] {30},
                    List.of("dense [16]", "relu [16]", "dense [2]"), Head.SOFTMAX),
            "mnist_784_56_10", new Expected(new int[] {784},
                    List.of("dense [56]", "relu [56]", "dense [10]"), Head.NONE));

    @TestFactory
    Stream<DynamicTest> everyFixtureImports() throws IOException {
        List<Path> models = Fixtures.models();
        assertTrue(models.size() >= 8, "fixtures: " + models);
        return models.stream().map(p -> dynamicTest(Fixtures.name(p), () -> check(p)));
    }

    private static void check(Path file) {
        String name = Fixtures.name(file);
        if (name.startsWith("unsupported_")) {
            FormatException e = assertThrows(FormatException.class, () -> OnnxImporter.load(file));
            assertTrue(e.getMessage().startsWith(name + ".onnx: node "), e.getMessage());
            return;
        }
        FloatModel m = OnnxImporter.load(file);
        assertEquals(name, m.name());
        Expected want = EXPECTED.get(name);
        if (want == null) {
            return; // a fixture added after this table: the onnxruntime test still checks its values
        }
        assertArrayEquals(want.input, m.inputShape(), name + " input");
        List<String> got = m.layers().stream().map(l -> l.kind() + " " + Arrays.toString(l.outShape())).toList();
        assertEquals(want.layers, got, name + " layers");
        assertEquals(want.head, m.head(), name + " head");
    }

    @Test
    void digitsOpsKeepsItsWindowsAndFoldsTheAddIntoTheMatMul() {
        FloatModel m = OnnxImporter.load(Fixtures.dir().resolve("digits_ops.onnx"));
        List<FloatLayer> l = m.layers();
        Conv2d conv = assertInstanceOf(Conv2d.class, l.get(0));
        assertEquals(new Window2d(3, 3, 2, 2, 1, 1, 1, 1), conv.window());
        assertEquals(new Window2d(2, 2, 1, 1, 1, 1, 1, 1), assertInstanceOf(MaxPool2d.class, l.get(2)).window());
        AvgPool2d avg = assertInstanceOf(AvgPool2d.class, l.get(3));
        assertEquals(new Window2d(3, 3, 1, 1, 1, 1, 1, 1), avg.window());
        assertFalse(avg.countIncludePad());
        assertEquals(4, avg.divisor(0, 0));
        assertEquals(6, avg.divisor(0, 2));
        assertEquals(9, avg.divisor(2, 2));
        Dense fc1 = assertInstanceOf(Dense.class, l.get(5));
        assertEquals(100, fc1.inputs());
        assertFalse(Arrays.stream(fc1.bias()).allMatch(b -> b == 0.0), "the Add after MatMul is the bias");
    }

    @Test
    void refusedFixturesSayWhy() {
        FormatException tanh = assertThrows(FormatException.class,
                () -> OnnxImporter.load(Fixtures.dir().resolve("unsupported_tanh.onnx")));
        assertTrue(tanh.getMessage().matches("unsupported_tanh\\.onnx: node 1 '[^']*' \\(Tanh\\): op Tanh is not"
                + " supported; supported: Gemm, MatMul, .*"), tanh.getMessage());
        FormatException group = assertThrows(FormatException.class,
                () -> OnnxImporter.load(Fixtures.dir().resolve("unsupported_group_conv.onnx")));
        assertTrue(group.getMessage().matches("unsupported_group_conv\\.onnx: node 0 '[^']*' \\(Conv\\):"
                + " attribute group=2 is not supported \\(only group=1\\)"), group.getMessage());
    }
}
