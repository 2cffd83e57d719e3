package io.foldline.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void exceptionKeepsMessage() {
        assertEquals("x", new CryptoException("x").getMessage());
    }
}
