/**
 * A small JSON reader and writer (RFC 8259), so that the project needs no JSON library: snarkjs's
 * {@code proof.json}, {@code public.json} and {@code verification_key.json} are read and written with it.
 *
 * <p>{@link io.foldline.circuits.json.JsonValue#parse} is strict (no comments, trailing commas or duplicate
 * keys; nesting at most 512 deep) and every value remembers its path, so errors read
 * {@code "proof.json: pi_a[1]: not a decimal integer"}. {@link io.foldline.circuits.json.JsonWriter} writes
 * the layout of snarkjs's CLI (the bfj library with one-space indentation), for example
 * <pre>
 * {
 *  "a": [
 *   "1",
 *   "2"
 *  ],
 *  "empty": [
 *  ]
 * }
 * </pre>
 * with no newline at the end; empty containers are broken over two lines, unlike {@code JSON.stringify}.
 */
package io.foldline.circuits.json;
