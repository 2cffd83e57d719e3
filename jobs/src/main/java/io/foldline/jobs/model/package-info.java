/**
 * The models a job serves ({@link io.foldline.jobs.model.ModelSpec}: id, compiled-model folder, proving
 * key) and the per-JVM cache that loads them once ({@link io.foldline.jobs.model.DeployedModels}). The
 * folder is what {@code foldline model compile} writes ({@code io.foldline.circuits.quant.ModelPackage});
 * the key is a snarkjs-format .zkey for its {@code circuit.r1cs}.
 */
package io.foldline.jobs.model;
