pragma circom 2.1.0;

include "poseidon.circom";

// circomlib's Poseidon (BN254 parameters, t = 4) over three private inputs.
template Poseidon3() {
    signal input in[3];
    signal output out;

    component h = Poseidon(3);
    for (var i = 0; i < 3; i++) {
        h.inputs[i] <== in[i];
    }
    out <== h.out;
}

component main = Poseidon3();
