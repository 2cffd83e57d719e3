package io.foldline.circuits.onnx;

import io.foldline.circuits.json.JsonValue;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The fixture models of {@code src/test/resources/models} (see its README.md) and their JSON rows. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir() {
        try {
            return Path.of(Fixtures.class.getResource("/models/README.md").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every {@code .onnx} file there, sorted by name. */
    static List<Path> models() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().toList();
        }
    }

    static String name(Path model) {
        String f = model.getFileName().toString();
        return f.substring(0, f.length() - ".onnx".length());
    }

    /** The rows of {@code <name>.test.json}, or null when the model has none. */
    static TestRows rows(String name) throws IOException {
        Path p = dir().resolve(name + ".test.json");
        if (!Files.exists(p)) {
            return null;
        }
        JsonValue doc = JsonValue.parse(Files.readString(p), p.getFileName().toString());
        List<double[]> inputs = new ArrayList<>();
        for (JsonValue row : doc.get("inputs").elements()) {
            double[] x = new double[row.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = row.get(i).asNumber().doubleValue();
            }
            inputs.add(x);
        }
        List<Integer> labels = null;
        if (doc.has("labels")) {
            labels = new ArrayList<>();
            for (JsonValue l : doc.get("labels").elements(inputs.size())) {
                labels.add((int) l.asLong(0, Integer.MAX_VALUE));
            }
        }
        return new TestRows(inputs, labels);
    }

    record TestRows(List<double[]> inputs, List<Integer> labels) {
    }

    /**
     * The "float test accuracy" cell of the README row of {@code name}, written by the python script that
     * made the fixtures; NaN when the cell is not a number (no labels).
     */
    static double readmeAccuracy(String name) throws IOException {
        List<String> lines = Files.readAllLines(dir().resolve("README.md"));
        int column = -1;
        for (String line : lines) {
            String[] cells = line.split("\\|", -1);
            if (column < 0) {
                for (int i = 0; i < cells.length; i++) {
                    if (cells[i].trim().equals("float test accuracy")) {
                        column = i;
                    }
                }
            } else if (cells.length > column && cells[1].trim().equals("`" + name + ".onnx`")) {
                String cell = cells[column].trim();
                return cell.matches("[0-9.]+") ? Double.parseDouble(cell) : Double.NaN;
            }
        }
        throw new IllegalStateException("README.md has no accuracy row for " + name);
    }
}
