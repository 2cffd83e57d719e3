#!/usr/bin/python3
"""Trains and exports the small ONNX fixture models used by the circuits module tests.

Run from the repository root with Debian's interpreter (the packages python3-torch 1.13,
python3-onnx 1.12 and python3-sklearn 1.2 are not visible to the pyenv python3 on PATH):

    /usr/bin/python3 infra/models/make_fixtures.py

Everything is seeded and single-threaded so that a rerun reproduces the same weights. The
sklearn data sets ship inside the package, so nothing is downloaded.

Outputs, in circuits/src/test/resources/models/: <name>.onnx, <name>.test.json (the 20%
stratified test split, random_state=0), <name>.calibration.json (64 rows of the train split,
no labels) and README.md. The JSON format is {"inputs": [[...], ...], "labels": [...]}, each
input flattened row-major in the model's input shape.

The ONNX graphs are checked by onnx.checker and re-evaluated by the small numpy interpreter
below (onnxruntime is not packaged for Debian bookworm), which must agree with torch.
"""

import hashlib
import json
import os
import random
import sys

import numpy as np
import onnx
import torch
from onnx import numpy_helper
from sklearn.datasets import load_breast_cancer, load_digits
from sklearn.model_selection import train_test_split
from torch import nn

SEED = 0
OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                       "circuits", "src", "test", "resources", "models")
COMMAND = "/usr/bin/python3 infra/models/make_fixtures.py"
CALIBRATION_ROWS = 64


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def split(x, y):
    return train_test_split(x, y, test_size=0.2, stratify=y, random_state=0)


def digits():
    data = load_digits()
    x = (data.data / 16.0).astype(np.float32)
    return split(x, data.target.astype(np.int64))


def breast_cancer():
    data = load_breast_cancer()
    return split(data.data.astype(np.float32), data.target.astype(np.int64))


def train(model, x, y, loss_fn, epochs, lr):
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    model.train()
    for _ in range(epochs):
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
    model.eval()
    return model


def predict_classes(out):
    # A single output column is a sigmoid probability of class 1, otherwise argmax over classes.
    if out.shape[1] == 1:
        return (out[:, 0] > 0.5).astype(np.int64)
    return out.argmax(axis=1)


class Standardized(nn.Module):
    """Trains on standardised features; exported with the scaling folded into the first Linear."""

    def __init__(self, body, mean, std):
        super().__init__()
        self.body = body
        self.register_buffer("mean", torch.tensor(mean))
        self.register_buffer("std", torch.tensor(std))

    def forward(self, x):
        return self.body((x - self.mean) / self.std)

    def folded(self):
        # W (x - m) / s + b  ==  (W / s) x + (b - W (m / s)): one Gemm on raw features.
        first = self.body[0]
        w = first.weight.detach() / self.std
        b = first.bias.detach() - first.weight.detach() @ (self.mean / self.std)
        layers = [nn.Linear(first.in_features, first.out_features)] + list(self.body[1:])
        out = nn.Sequential(*layers)
        with torch.no_grad():
            out[0].weight.copy_(w)
            out[0].bias.copy_(b)
        return out.eval()


# --- numpy re-evaluation of the exported graph -------------------------------------------------

def np_conv(x, w, b, pads):
    n, c, h, wd = x.shape
    k, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    oh, ow = xp.shape[2] - kh + 1, xp.shape[3] - kw + 1
    out = np.zeros((n, k, oh, ow), dtype=np.float64)
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i:i + oh, j:j + ow]
            out += np.einsum("nchw,kc->nkhw", patch, w[:, :, i, j])
    return out + (b.reshape(1, -1, 1, 1) if b is not None else 0)


def np_pool(x, k, s, reduce):
    n, c, h, w = x.shape
    oh, ow = (h - k) // s + 1, (w - k) // s + 1
    out = np.empty((n, c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[:, :, i, j] = reduce(x[:, :, i * s:i * s + k, j * s:j * s + k], axis=(2, 3))
    return out


def run_onnx_numpy(model, x):
    env = {t.name: numpy_helper.to_array(t).astype(np.float64) for t in model.graph.initializer}
    env[model.graph.input[0].name] = x.astype(np.float64)
    for node in model.graph.node:
        a = {at.name: onnx.helper.get_attribute_value(at) for at in node.attribute}
        ins = [env[i] if i else None for i in node.input]
        op = node.op_type
        if op == "Gemm":
            bm = ins[1].T if a.get("transB", 0) else ins[1]
            am = ins[0].T if a.get("transA", 0) else ins[0]
            r = a.get("alpha", 1.0) * am @ bm + (a.get("beta", 1.0) * ins[2] if len(ins) > 2 else 0)
        elif op == "MatMul":
            r = ins[0] @ ins[1]
        elif op == "Add":
            r = ins[0] + ins[1]
        elif op == "Relu":
            r = np.maximum(ins[0], 0)
        elif op == "Sigmoid":
            r = 1 / (1 + np.exp(-ins[0]))
        elif op == "Softmax":
            ax = a.get("axis", -1)
            e = np.exp(ins[0] - ins[0].max(axis=ax, keepdims=True))
            r = e / e.sum(axis=ax, keepdims=True)
        elif op == "Conv":
            assert a.get("strides", [1, 1]) == [1, 1] and a.get("group", 1) == 1
            r = np_conv(ins[0], ins[1], ins[2] if len(ins) > 2 else None, a.get("pads", [0, 0, 0, 0]))
        elif op == "BatchNormalization":
            xx, sc, bi, mu, var = ins
            sh = (1, -1, 1, 1)
            r = (xx - mu.reshape(sh)) / np.sqrt(var.reshape(sh) + a.get("epsilon", 1e-5)) \
                * sc.reshape(sh) + bi.reshape(sh)
        elif op in ("MaxPool", "AveragePool"):
            assert a["kernel_shape"][0] == a["kernel_shape"][1] and not any(a.get("pads", [0]))
            red = np.max if op == "MaxPool" else np.mean
            r = np_pool(ins[0], a["kernel_shape"][0], a.get("strides", [1, 1])[0], red)
        elif op == "Flatten":
            r = ins[0].reshape(ins[0].shape[0], -1)
        else:
            raise ValueError("numpy check does not know op " + op)
        env[node.output[0]] = r
    return env[model.graph.output[0].name]


# --- export ------------------------------------------------------------------------------------

def round6(v):
    return float(f"{float(v):.6g}")


def write_json(path, x, labels=None):
    doc = {"inputs": [[round6(v) for v in row.reshape(-1)] for row in x]}
    if labels is not None:
        doc["labels"] = [int(v) for v in labels]
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")


def export(name, model, x_test, y_test, x_cal, note):
    model.eval()
    path = os.path.join(OUT_DIR, name + ".onnx")
    dummy = torch.tensor(x_test[:1])
    torch.onnx.export(model, dummy, path, opset_version=13, do_constant_folding=True,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    m = onnx.load(path)
    onnx.checker.check_model(m)

    # Evaluate on the same 6-digit-rounded inputs that the JSON carries.
    x_r = np.vectorize(round6)(x_test).astype(np.float32)
    with torch.no_grad():
        out_t = model(torch.tensor(x_r)).numpy()
    out_np = run_onnx_numpy(m, x_r)
    diff = float(np.abs(out_np - out_t).max())
    if diff > 1e-3 * max(1.0, float(np.abs(out_t).max())):
        raise AssertionError(f"{name}: numpy ONNX evaluation differs from torch by {diff}")
    acc = None
    if y_test is not None:
        acc = float((predict_classes(out_t) == y_test).mean())
        if not np.array_equal(predict_classes(out_np), predict_classes(out_t)):
            raise AssertionError(f"{name}: ONNX and torch classes differ")

    write_json(os.path.join(OUT_DIR, name + ".test.json"), x_test, y_test)
    write_json(os.path.join(OUT_DIR, name + ".calibration.json"), x_cal)
    params = sum(int(np.prod(t.dims)) for t in m.graph.initializer)
    ops = []
    for node in m.graph.node:
        if node.op_type not in ops:
            ops.append(node.op_type)
    shape = [d.dim_param or d.dim_value for d in m.graph.input[0].type.tensor_type.shape.dim]
    w_abs = max(float(np.abs(numpy_helper.to_array(t)).max()) for t in m.graph.initializer)
    with open(path, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()[:16]
    return {"name": name, "ops": ops, "params": params, "bytes": os.path.getsize(path),
            "acc": acc, "shape": shape, "n_test": len(x_test), "diff": diff, "wmax": w_abs,
            "sha": sha, "note": note}


def digits_mlp():
    seed_all(SEED)
    xtr, xte, ytr, yte = digits()
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    train(model, torch.tensor(xtr), torch.tensor(ytr), nn.CrossEntropyLoss(), 200, 1e-2)
    return export("digits_mlp", model, xte, yte, xtr[:CALIBRATION_ROWS],
                  "load_digits, pixels/16, Adam lr 1e-2, 200 full-batch epochs; output logits")


def digits_cnn():
    seed_all(SEED)
    xtr, xte, ytr, yte = digits()
    xtr, xte = xtr.reshape(-1, 1, 8, 8), xte.reshape(-1, 1, 8, 8)
    model = nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.BatchNorm2d(4), nn.ReLU(), nn.MaxPool2d(2),
        # count_include_pad=False: same result without padding, and torch 1.13 then exports a plain
        # AveragePool instead of Constant + Pad + AveragePool.
        nn.Conv2d(4, 8, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2, count_include_pad=False),
        nn.Flatten(), nn.Linear(8 * 2 * 2, 10))
    train(model, torch.tensor(xtr), torch.tensor(ytr), nn.CrossEntropyLoss(), 300, 1e-2)
    return export("digits_cnn", model, xte, yte, xtr[:CALIBRATION_ROWS],
                  "load_digits as 1x8x8, Adam lr 1e-2, 300 full-batch epochs; eval-mode "
                  "BatchNorm folded into the first Conv by the exporter; output logits")


def credit(name, body, loss_fn, target, epochs, lr, note):
    seed_all(SEED)
    xtr, xte, ytr, yte = breast_cancer()
    mean, std = xtr.mean(axis=0), xtr.std(axis=0)
    model = Standardized(body, mean, std)
    train(model, torch.tensor(xtr), target(torch.tensor(ytr)), loss_fn, epochs, lr)
    folded = model.folded()
    with torch.no_grad():
        a, b = model(torch.tensor(xte)), folded(torch.tensor(xte))
    assert torch.allclose(a, b, atol=1e-4), f"{name}: folding the scaling changed the outputs"
    return export(name, folded, xte, yte, xtr[:CALIBRATION_ROWS], note)


def credit_logreg():
    return credit("credit_logreg", nn.Sequential(nn.Linear(30, 1), nn.Sigmoid()), nn.BCELoss(),
                  lambda y: y.float().unsqueeze(1), 300, 1e-2,
                  "load_breast_cancer (label 1 = benign), raw features; train-split standardisation "
                  "folded into the Gemm; Adam lr 1e-2, 300 full-batch epochs; output P(label 1), "
                  "shape [N,1]")


def credit_mlp():
    # Softmax is part of the model, so train on its log with NLL (= cross-entropy on logits).
    body = nn.Sequential(nn.Linear(30, 16), nn.ReLU(), nn.Linear(16, 2), nn.Softmax(dim=1))
    nll = nn.NLLLoss()
    return credit("credit_mlp", body, lambda p, y: nll(torch.log(p + 1e-12), y), lambda y: y,
                  200, 1e-2,
                  "load_breast_cancer, raw features; train-split standardisation folded into the "
                  "first Gemm; Adam lr 1e-2, 200 full-batch epochs; output class probabilities")


def mnist_fixed():
    seed_all(SEED)
    model = nn.Sequential(nn.Linear(784, 56), nn.ReLU(), nn.Linear(56, 10))
    # Three decimals and 16 calibration rows (not 64) keep the JSON small: 784 floats a row.
    gen = np.random.default_rng(SEED)
    x_test = (gen.integers(0, 1000, (16, 784)) / 1000.0).astype(np.float32)
    x_cal = (gen.integers(0, 1000, (16, 784)) / 1000.0).astype(np.float32)
    return export("mnist_784_56_10", model, x_test, None, x_cal,
                  "untrained: torch default init after torch.manual_seed(0); inputs k/1000, k uniform "
                  "in [0,1000) from numpy default_rng(0) (16 test rows, then 16 calibration rows); "
                  "no labels")


def readme(rows):
    lines = [
        "# Fixture models",
        "",
        "Generated by `" + COMMAND + "` (run from the repository root; Debian python3-torch "
        "1.13, python3-onnx 1.12, python3-sklearn 1.2; seeded, single thread). Do not edit by hand.",
        "",
        "All models: ONNX opset 13, input `input`, output `output`, dynamic batch dimension. "
        "`<name>.test.json` holds the 20% stratified test split (random_state=0) and "
        "`<name>.calibration.json` 64 train-split rows without labels (16 random rows for the "
        "fixed-weight MNIST-shaped MLP), as "
        "`{\"inputs\": [[...], ...], \"labels\": [...]}` with each input flattened row-major and "
        "rounded to 6 significant digits. Accuracy is the float (torch) model on the rounded test "
        "inputs; the ONNX graph was re-evaluated with numpy and agrees (max abs diff column).",
        "",
        "| model | input | ops | parameters | max abs weight | file size (bytes) | test rows | "
        "float test accuracy | max abs diff numpy vs torch | how it was made |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        acc = "n/a (no labels)" if r["acc"] is None else f"{r['acc']:.4f}"
        lines.append(f"| `{r['name']}.onnx` | {r['shape']} | {', '.join(r['ops'])} | {r['params']} | "
                     f"{r['wmax']:.3g} | {r['bytes']} | {r['n_test']} | {acc} | {r['diff']:.1e} | "
                     f"{r['note']} |")
    lines.append("")
    return "\n".join(lines)


def main():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    os.makedirs(OUT_DIR, exist_ok=True)
    rows = [digits_mlp(), digits_cnn(), credit_logreg(), credit_mlp(), mnist_fixed()]
    text = readme(rows)
    with open(os.path.join(OUT_DIR, "README.md"), "w") as f:
        f.write(text)
    print(text)
    for r in rows:
        print(r["name"], "sha256[:16]", r["sha"])
    low = {"digits_mlp": 0.95, "digits_cnn": 0.9, "credit_logreg": 0.94, "credit_mlp": 0.94}
    bad = [r["name"] for r in rows if r["acc"] is not None and r["acc"] < low[r["name"]]]
    if bad:
        sys.exit("accuracy below expectation: " + ", ".join(bad))


if __name__ == "__main__":
    main()
