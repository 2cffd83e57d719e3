package io.foldline.circuits.onnx;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.model.FloatModel;
import io.foldline.circuits.onnx.OnnxProto.Dim;
import io.foldline.circuits.onnx.OnnxProto.Graph;
import io.foldline.circuits.onnx.OnnxProto.Model;
import io.foldline.circuits.onnx.OnnxProto.Node;
import io.foldline.circuits.onnx.OnnxProto.OpsetId;
import io.foldline.circuits.onnx.OnnxProto.Tensor;
import io.foldline.circuits.onnx.OnnxProto.ValueInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports an ONNX float model that is a chain of supported operators into a {@link FloatModel}; see the
 * package documentation for what is accepted. Any other graph is refused with a {@link FormatException}
 * naming the file, the node or field, and what is not supported.
 */
public final class OnnxImporter {
    private OnnxImporter() {
    }

    /** Reads and imports {@code file}; the model is named after the file, without {@code .onnx}. */
    public static FloatModel load(Path file) {
        String name = String.valueOf(file.getFileName());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new FormatException(name + ": no such file (" + file + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return importModel(name, bytes);
    }

    /** Imports the serialized ModelProto {@code bytes}; {@code sourceName} starts every error message. */
    public static FloatModel importModel(String sourceName, byte[] bytes) {
        Model model = OnnxDecoder.model(sourceName, bytes);
        if (model.irVersion() <= 0) {
            throw new FormatException(sourceName + ": ir_version: missing or " + model.irVersion()
                    + ": not an ONNX model");
        }
        long opset = defaultOpset(sourceName, model.opsets());
        Graph g = model.graph();
        ValueInfo input = graphInput(sourceName, g);
        int[] inputShape = inputShape(sourceName, input);
        Chain chain = new Chain(g.initializers(), input.name(), inputShape, opset);
        List<Node> nodes = g.nodes();
        for (Node node : nodes) {
            OpNode n = new OpNode(sourceName, node, node.index() == nodes.size() - 1);
            if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
                throw n.error("domain '" + node.domain() + "' is not supported (only the default ONNX domain)");
            }
            Ops.Op op = Ops.get(n);
            try {
                op.apply(n, chain);
            } catch (IllegalArgumentException | ArithmeticException e) {
                // the layer records check their own geometry; say which node broke it
                throw n.error(e.getMessage());
            }
        }
        checkOutput(sourceName, g, chain);
        return new FloatModel(modelName(sourceName), inputShape, chain.layers(), chain.head());
    }

    private static String modelName(String sourceName) {
        return sourceName.endsWith(".onnx") ? sourceName.substring(0, sourceName.length() - 5) : sourceName;
    }

    private static long defaultOpset(String source, List<OpsetId> opsets) {
        long version = -1;
        for (int i = 0; i < opsets.size(); i++) {
            OpsetId o = opsets.get(i);
            if (!o.domain().isEmpty() && !o.domain().equals("ai.onnx")) {
                throw new FormatException(source + ": opset_import[" + i + "]: domain '" + o.domain()
                        + "' is not supported (only the default ONNX domain, \"\" or \"ai.onnx\")");
            }
            version = Math.max(version, o.version());
        }
        if (version < 1) {
            throw new FormatException(source + ": opset_import: no version of the default ONNX domain");
        }
        return version;
    }

    private static ValueInfo graphInput(String source, Graph g) {
        Set<String> initializers = g.initializers().stream().map(Tensor::name).collect(Collectors.toSet());
        List<ValueInfo> inputs = g.inputs().stream().filter(v -> !initializers.contains(v.name())).toList();
        if (inputs.size() != 1) {
            throw new FormatException(source + ": graph.input: " + inputs.size() + " inputs that are not"
                    + " initializers " + inputs.stream().map(ValueInfo::name).toList()
                    + "; exactly one is supported");
        }
        return inputs.get(0);
    }

    /** The input's shape without the batch axis, which must be symbolic or 1; the other dims must be known. */
    private static int[] inputShape(String source, ValueInfo input) {
        String where = source + ": " + input.path() + " '" + input.name() + "': ";
        if (input.elemType() != OnnxProto.FLOAT && input.elemType() != OnnxProto.DOUBLE) {
            throw new FormatException(where + "element type " + input.elemType()
                    + " is not supported (only a FLOAT or DOUBLE tensor)");
        }
        List<Dim> dims = input.shape();
        if (dims == null || dims.size() < 2) {
            throw new FormatException(where + "shape " + dims + " must be [batch, ...] with at least one more"
                    + " axis");
        }
        if (dims.get(0).known() && dims.get(0).value() != 1) {
            throw new FormatException(where + "the first axis of " + dims + " must be the batch (symbolic or 1)");
        }
        int[] shape = new int[dims.size() - 1];
        for (int i = 1; i < dims.size(); i++) {
            Dim d = dims.get(i);
            if (!d.known() || d.value() < 1 || d.value() > Integer.MAX_VALUE) {
                throw new FormatException(where + "axis " + i + " of " + dims + " must have a known size >= 1");
            }
            shape[i - 1] = (int) d.value();
        }
        return shape;
    }

    private static void checkOutput(String source, Graph g, Chain chain) {
        if (g.outputs().size() != 1) {
            throw new FormatException(source + ": graph.output: " + g.outputs().size()
                    + " outputs; exactly one is supported");
        }
        ValueInfo out = g.outputs().get(0);
        String where = source + ": " + out.path() + " '" + out.name() + "': ";
        if (!out.name().equals(chain.current())) {
            throw new FormatException(where + "is not the output of the last node ('" + chain.current() + "')");
        }
        List<Dim> dims = out.shape();
        if (dims == null || dims.stream().skip(1).anyMatch(d -> !d.known())) {
            return; // nothing declared to check against
        }
        int[] declared = dims.stream().skip(1).mapToInt(d -> (int) d.value()).toArray();
        if (!Arrays.equals(declared, chain.shape())) {
            throw new FormatException(where + "declared shape " + dims + " but the graph computes [batch, "
                    + Arrays.toString(chain.shape()).substring(1));
        }
    }
}
