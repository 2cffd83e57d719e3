package io.foldline.circuits.onnx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The names of the fields of one protobuf message type, only so that errors can say
 * {@code graph.node[3].attribute[1]} rather than {@code 7.1[3].5[1]}. Decoding does not depend on it:
 * unknown field numbers are skipped by wire type whatever the schema says.
 */
final class ProtoSchema {
    private final Map<Integer, String> names = new HashMap<>();
    private final Set<Integer> repeated = new HashSet<>();

    private ProtoSchema() {
    }

    static ProtoSchema of() {
        return new ProtoSchema();
    }

    ProtoSchema field(int number, String name) {
        names.put(number, name);
        return this;
    }

    ProtoSchema repeated(int number, String name) {
        repeated.add(number);
        return field(number, name);
    }

    /** The path step for occurrence {@code index} of field {@code number}: {@code name} or {@code name[index]}. */
    String step(int number, int index) {
        String name = names.getOrDefault(number, "#" + number);
        return repeated.contains(number) ? name + "[" + index + "]" : name;
    }
}
