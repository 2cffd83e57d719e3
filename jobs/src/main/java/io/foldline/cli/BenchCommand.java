package io.foldline.cli;

/** {@code foldline bench}: measured figures for this machine (filled in as the pieces land). */
final class BenchCommand implements Command {
    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure field, MSM, NTT, pairing, ptau and Groth16 speed on this machine";
    }

    @Override
    public String usage() {
        return "[all|field|msm|ntt|pairing|ptau|prove]";
    }

    @Override
    public int run(Args args, Console out) {
        args.expect(0, 1, usage());
        throw new UsageException("not built yet");
    }
}
