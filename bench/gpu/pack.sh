#!/usr/bin/env bash
# Packs what the GPU check (bench/gpu/README.md) carries to a machine that has a GPU and PyTorch but no .NET and no
# data: .gpu/payload (the .NET runtime with the rdnas CLI and RdNas.Bench built for a CUDA libtorch from a folder)
# and .gpu/data (the CIFAR-10 train batches and the NB201 table).
# Each half stays under the device tool's 64 MiB a call with the repository. .gpu/ is ignored: the data never enters
# the repository. Usage: bench/gpu/pack.sh (RDNAS_DATA as for the tests; run from the repository root).
set -euo pipefail
data=${RDNAS_DATA:?set RDNAS_DATA to the data folder}
dotnet=$(dirname "$(readlink -f "$(command -v dotnet)")")
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
for project in src/RdNas.Cli bench/RdNas.Bench; do
  dotnet publish $project -c Release -r linux-x64 --self-contained false -p:RdNasExternalLibTorch=true -o "$stage/app" -v q -nologo
done
mkdir -p "$stage/dotnet/host" "$stage/dotnet/shared" .gpu/payload .gpu/data
cp "$dotnet/dotnet" "$stage/dotnet/"
cp -r "$dotnet/host/fxr" "$stage/dotnet/host/"
cp -r "$dotnet/shared/Microsoft.NETCore.App" "$dotnet/shared/Microsoft.AspNetCore.App" "$stage/dotnet/shared/"
tar cf - -C "$stage" dotnet app | xz -6 -T2 > .gpu/payload/payload.tar.xz
tar cf - -C "$data" cifar10/data_batch_1.bin cifar10/data_batch_2.bin nb201/nb201_all.csv | xz -6 -T2 > .gpu/data/data.tar.xz
# The publish restored the CPU-less variant into the projects' obj folders: restore the normal build.
dotnet build RdNas.Orleans.sln -c Release -v q -nologo > /dev/null
ls -la .gpu/payload .gpu/data
