pragma circom 2.1.0;

// A chain of n multiplications, x_{i+1} = x_i * x_i + i: exactly n constraints and one public
// output. No main component: a benchmark instantiates it with `component main = Chain(n);`
// (n = 2^k - 8 keeps the snarkjs domain, n + nPublic + 1 rows, at 2^k).
template Chain(n) {
    assert(n >= 2);
    signal input x;
    signal output out;

    signal xs[n - 1];
    xs[0] <== x * x;
    for (var i = 1; i < n - 1; i++) {
        xs[i] <== xs[i - 1] * xs[i - 1] + i;
    }
    out <== xs[n - 2] * xs[n - 2] + (n - 1);
}
