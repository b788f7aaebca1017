#!/usr/bin/env bash
# GPU check, call A (bench/gpu/README.md): unpack the .NET runtime and the GPU build of the CLI and bench tool
# (.gpu/payload, made by bench/gpu/pack.sh), read what the machine has and what `rdnas device` makes of its libtorch
# (which checks every function TorchSharp's bridge imports), and time the training step of TorchSharp and PyTorch
# side by side on the GPU.
# Writes under $OUT; leaves the unpacked payload and the libtorch folder's path in /tmp/rdnas for call B.
set -u
start=$SECONDS
mkdir -p /tmp/rdnas && tar xJf .gpu/payload/payload.tar.xz -C /tmp/rdnas || exit 1
export DOTNET_ROOT=/tmp/rdnas/dotnet PATH=/tmp/rdnas/dotnet:$PATH DOTNET_CLI_TELEMETRY_OPTOUT=1
lib=$(python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))')
echo "$lib" > /tmp/rdnas/torch-lib
export RDNAS_LIBTORCH=$lib
{
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader
  python3 -c 'import torch; print("pytorch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.get_device_name(0))'
  grep PRETTY_NAME /etc/os-release; nproc
  /tmp/rdnas/app/rdnas device --device cuda; echo "rdnas device exit $?"
} 2>&1 | tee $OUT/machine.txt
# Side by side, alternating, as bench/step.sh does on the CPU: the all-conv3x3 supernet, C=16, N=5, batch 64.
for round in 1 2 3; do
  python3 bench/pytorch_step.py step 16 5 64 50 10 cuda
  /tmp/rdnas/app/RdNas.Bench step 16 5 64 50 10 32 cuda
done 2>&1 | tee $OUT/step.txt
python3 bench/pytorch_step.py step 8 1 64 50 10 cuda 2>&1 | tee -a $OUT/step.txt
/tmp/rdnas/app/RdNas.Bench step 8 1 64 50 10 32 cuda 2>&1 | tee -a $OUT/step.txt
echo "call A: $((SECONDS - start)) s"
