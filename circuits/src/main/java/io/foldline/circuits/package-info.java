/**
 * The circuit layer of Foldline: R1CS ({@link io.foldline.circuits.r1cs}), Groth16, and the circom/snarkjs
 * file formats ({@link io.foldline.circuits.snarkjs}, with the JSON codec of
 * {@link io.foldline.circuits.json}). Malformed files and documents are reported with
 * {@link io.foldline.circuits.FormatException}, whose message starts with the file name and names the
 * section or field at fault.
 */
package io.foldline.circuits;
