package io.foldline.circuits.quant;

import io.foldline.circuits.FormatException;
import io.foldline.circuits.json.JsonValue;
import io.foldline.circuits.json.JsonWriter;
import io.foldline.circuits.model.Head;
import io.foldline.circuits.model.Window2d;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code model.json}: a {@link QuantizedModel} as JSON (layout in the package documentation). Reading
 * checks every field and names the file and the JSON path of anything wrong.
 */
public final class QuantizedModelJson {
    public static final String FORMAT = "foldline-quantized-model";
    public static final int VERSION = 1;

    private QuantizedModelJson() {
    }

    public static String write(QuantizedModel m) {
        Map<String, JsonValue> o = new LinkedHashMap<>();
        o.put("format", JsonValue.string(FORMAT));
        o.put("version", JsonValue.number(VERSION));
        o.put("name", JsonValue.string(m.name()));
        o.put("inputShape", ints(m.inputShape()));
        o.put("head", JsonValue.string(m.head().name().toLowerCase(Locale.ROOT)));
        o.put("input", JsonValue.object(Map.of("exponent", JsonValue.number(m.input().exponent()),
                "bits", JsonValue.number(m.input().bits()),
                "signed", m.input().signed() ? JsonValue.TRUE : JsonValue.FALSE)));
        List<JsonValue> layers = new ArrayList<>();
        for (QLayer l : m.layers()) {
            layers.add(layer(l));
        }
        o.put("layers", JsonValue.array(layers));
        return JsonWriter.write(JsonValue.object(o), -1) + "\n";
    }

    public static void write(QuantizedModel m, Path file) {
        try {
            Files.writeString(file, write(m), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static QuantizedModel read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, String.valueOf(file));
    }

    public static QuantizedModel parse(String text, String source) {
        JsonValue root = JsonValue.parse(text, source);
        if (!root.get("format").asString().equals(FORMAT)) {
            throw root.get("format").error("expected \"" + FORMAT + "\"");
        }
        root.get("version").asLong(VERSION, VERSION);
        JsonValue in = root.get("input");
        InputSpec input = new InputSpec(exp(in.get("exponent")), (int) in.get("bits").asLong(1, 62),
                in.get("signed").asBoolean());
        List<QLayer> layers = new ArrayList<>();
        for (JsonValue l : root.get("layers").elements()) {
            layers.add(layer(l));
        }
        JsonValue head = root.get("head");
        Head h;
        try {
            h = Head.valueOf(head.asString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw head.error("unknown head \"" + head.asString() + "\" (none, sigmoid or softmax)");
        }
        try {
            QuantizedModel m = new QuantizedModel(root.get("name").asString(), shape(root.get("inputShape")), input,
                    layers, h);
            m.bounds();
            return m;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw root.error(e.getMessage());
        }
    }

    private static JsonValue layer(QLayer l) {
        Map<String, JsonValue> o = new LinkedHashMap<>();
        switch (l) {
            case QDense d -> {
                o.put("kind", JsonValue.string("dense"));
                o.put("inputs", JsonValue.number(d.inputs()));
                o.put("outputs", JsonValue.number(d.outputs()));
                linear(o, d.weightExponent(), d.shift(), d.relu(), d.weight(), d.bias());
            }
            case QConv2d c -> {
                o.put("kind", JsonValue.string("conv2d"));
                o.put("inShape", ints(c.inShape()));
                o.put("outChannels", JsonValue.number(c.outC()));
                o.put("window", window(c.window()));
                linear(o, c.weightExponent(), c.shift(), c.relu(), c.weight(), c.bias());
            }
            case QMaxPool2d p -> {
                o.put("kind", JsonValue.string("maxpool2d"));
                o.put("inShape", ints(p.inShape()));
                o.put("window", window(p.window()));
            }
            case QAvgPool2d p -> {
                o.put("kind", JsonValue.string("avgpool2d"));
                o.put("inShape", ints(p.inShape()));
                o.put("window", window(p.window()));
                o.put("countIncludePad", p.countIncludePad() ? JsonValue.TRUE : JsonValue.FALSE);
            }
            case QRelu r -> {
                o.put("kind", JsonValue.string("relu"));
                o.put("inShape", ints(r.inShape()));
            }
            case QReshape r -> {
                o.put("kind", JsonValue.string("reshape"));
                o.put("inShape", ints(r.inShape()));
                o.put("outShape", ints(r.outShape()));
            }
        }
        o.put("outExponent", JsonValue.number(l.outExponent()));
        return JsonValue.object(o);
    }

    private static void linear(Map<String, JsonValue> o, int weightExponent, int shift, boolean relu, long[] w,
                               long[] b) {
        o.put("weightExponent", JsonValue.number(weightExponent));
        o.put("shift", JsonValue.number(shift));
        o.put("relu", relu ? JsonValue.TRUE : JsonValue.FALSE);
        o.put("weight", longs(w));
        o.put("bias", longs(b));
    }

    private static QLayer layer(JsonValue v) {
        String kind = v.get("kind").asString();
        int out = exp(v.get("outExponent"));
        try {
            return switch (kind) {
                case "dense" -> new QDense(dim(v.get("inputs")), dim(v.get("outputs")), longs(v.get("weight")),
                        longs(v.get("bias")), exp(v.get("weightExponent")), exp(v.get("shift")),
                        v.get("relu").asBoolean(), out);
                case "conv2d" -> {
                    int[] s = chw(v.get("inShape"));
                    yield new QConv2d(s[0], s[1], s[2], dim(v.get("outChannels")), window(v.get("window")),
                            longs(v.get("weight")), longs(v.get("bias")), exp(v.get("weightExponent")),
                            exp(v.get("shift")), v.get("relu").asBoolean(), out);
                }
                case "maxpool2d" -> {
                    int[] s = chw(v.get("inShape"));
                    yield new QMaxPool2d(s[0], s[1], s[2], window(v.get("window")), out);
                }
                case "avgpool2d" -> {
                    int[] s = chw(v.get("inShape"));
                    yield new QAvgPool2d(s[0], s[1], s[2], window(v.get("window")),
                            v.get("countIncludePad").asBoolean(), out);
                }
                case "relu" -> new QRelu(shape(v.get("inShape")), out);
                case "reshape" -> new QReshape(shape(v.get("inShape")), shape(v.get("outShape")), out);
                default -> throw v.get("kind").error("unknown layer kind \"" + kind + "\"");
            };
        } catch (IllegalArgumentException e) {
            throw v.error(e.getMessage());
        }
    }

    private static JsonValue window(Window2d w) {
        return JsonValue.object(Map.of(
                "kernel", ints(new int[] {w.kernelH(), w.kernelW()}),
                "strides", ints(new int[] {w.strideH(), w.strideW()}),
                "pads", ints(new int[] {w.padTop(), w.padLeft(), w.padBottom(), w.padRight()})));
    }

    private static Window2d window(JsonValue v) {
        List<JsonValue> k = v.get("kernel").elements(2);
        List<JsonValue> s = v.get("strides").elements(2);
        List<JsonValue> p = v.get("pads").elements(4);
        return new Window2d(dim(k.get(0)), dim(k.get(1)), dim(s.get(0)), dim(s.get(1)),
                pad(p.get(0)), pad(p.get(1)), pad(p.get(2)), pad(p.get(3)));
    }

    private static JsonValue ints(int[] v) {
        List<JsonValue> l = new ArrayList<>(v.length);
        for (int x : v) {
            l.add(JsonValue.number(x));
        }
        return JsonValue.array(l);
    }

    private static JsonValue longs(long[] v) {
        List<JsonValue> l = new ArrayList<>(v.length);
        for (long x : v) {
            l.add(JsonValue.number(x));
        }
        return JsonValue.array(l);
    }

    private static long[] longs(JsonValue v) {
        List<JsonValue> l = v.elements();
        long[] out = new long[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i).asLong(-(1L << 60), 1L << 60);
        }
        return out;
    }

    private static int[] shape(JsonValue v) {
        List<JsonValue> l = v.elements();
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = dim(l.get(i));
        }
        return out;
    }

    private static int[] chw(JsonValue v) {
        List<JsonValue> l = v.elements(3);
        return new int[] {dim(l.get(0)), dim(l.get(1)), dim(l.get(2))};
    }

    private static int dim(JsonValue v) {
        return (int) v.asLong(1, 1 << 24);
    }

    private static int pad(JsonValue v) {
        return (int) v.asLong(0, 1 << 12);
    }

    private static int exp(JsonValue v) {
        return (int) v.asLong(-1000, 1000);
    }
}
