/**
 * Small concurrency helpers shared by the hot loops of every module: coarse jobs on the calling thread plus
 * fork-join helpers, written so that a busy or single-worker pool can never deadlock a proof.
 */
package io.foldline.crypto.concurrent;
