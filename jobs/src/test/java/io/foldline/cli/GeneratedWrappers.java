package io.foldline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.Utils;
import org.web3j.abi.datatypes.Array;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.StaticArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * What a user of {@code window export web3j} does with its output: compile the wrapper with javac against web3j
 * (the test's own classpath) and load it; and the submitWindow arguments as Java values, decoded by web3j from
 * the calldata that {@code window export soliditycalldata} prints (so they are not made by the code under test
 * a second way).
 */
final class GeneratedWrappers {
    private GeneratedWrappers() {
    }

    /** Compiles {@code source} into {@code classes} and returns a loader that sees it and the test's web3j. */
    static URLClassLoader compile(Path source, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK (javac) runs the tests");
        Files.createDirectories(classes);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc = javac.run(null, null, new PrintStream(log, true, StandardCharsets.UTF_8), "-proc:none", "-d",
                classes.toString(), "-cp", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, rc, () -> "javac " + source + ":\n" + log.toString(StandardCharsets.UTF_8));
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, GeneratedWrappers.class.getClassLoader());
    }

    /**
     * submitWindow(bytes32, bytes, uint256[startWords], uint256[8], uint256[4]) from its 0x calldata,
     * as the wrapper takes them: byte[], byte[], then lists of BigInteger.
     */
    static Object[] submitArguments(String calldataHex, int startWords) {
        String body = calldataHex.strip().substring(2 + 8); // 0x and the 4-byte selector
        List<TypeReference<?>> types = List.of(new TypeReference<Bytes32>() {
        }, new TypeReference<DynamicBytes>() {
        }, new TypeReference.StaticArrayTypeReference<StaticArray<Uint256>>(startWords) {
        }, new TypeReference.StaticArrayTypeReference<StaticArray<Uint256>>(8) {
        }, new TypeReference.StaticArrayTypeReference<StaticArray<Uint256>>(4) {
        });
        List<Type> decoded = FunctionReturnDecoder.decode("0x" + body, Utils.convert(types));
        assertEquals(5, decoded.size(), "submitWindow takes five arguments");
        return decoded.stream().map(GeneratedWrappers::javaValue).toArray();
    }

    private static Object javaValue(Type<?> t) {
        if (t instanceof Array<?> a) {
            return a.getValue().stream().map(x -> (BigInteger) x.getValue()).toList();
        }
        return t.getValue();
    }
}
