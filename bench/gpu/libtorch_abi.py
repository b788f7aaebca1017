#!/usr/bin/env python3
"""Which libtorch symbols that TorchSharp's bridge (libLibTorchSharp.so) needs are missing from a libtorch folder.

TorchSharp 0.107.0 is built against libtorch 2.10; a GPU machine may carry another version (a PyTorch wheel's
torch/lib). The bridge binds lazily, so a missing function shows only when it is first called, as a crash: this lists
them beforehand. Usage: libtorch_abi.py LIBTORCH_LIB_FOLDER UNDEFINED_SYMBOLS.txt (one name a line, from
`nm -D --undefined-only libLibTorchSharp.so`, unversioned names only). Prints counts and the missing names demangled
when c++filt exists; exit status 0 whatever it finds.
"""
import ctypes
import os
import shutil
import subprocess
import sys

folder, listing = sys.argv[1], sys.argv[2]
for name in ["libc10.so", "libc10_cuda.so", "libtorch_cpu.so", "libtorch_cuda.so", "libtorch.so"]:
    path = os.path.join(folder, name)
    if os.path.exists(path):
        ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)
scope = ctypes.CDLL(None)
wanted = [line.strip() for line in open(listing) if line.strip()]
missing = []
for symbol in wanted:
    try:
        getattr(scope, symbol)
    except AttributeError:
        missing.append(symbol)
print(f"libtorch ABI: {len(wanted)} symbols the bridge needs, {len(missing)} missing from {folder}")
if missing and shutil.which("c++filt"):
    missing = subprocess.run(["c++filt"], input="\n".join(missing), capture_output=True, text=True).stdout.splitlines()
for name in missing:
    print("  missing:", name)
