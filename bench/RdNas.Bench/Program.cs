using System.Globalization;
using RdNas.Bench;

var command = args.Length > 0 ? args[0] : "step";
RdNas.Nas.Devices.LibTorchFolder.LoadFromEnvironment(); // before any TorchSharp call: a CUDA libtorch, when RDNAS_LIBTORCH names one
// Like the rdnas CLI, unless RDNAS_GLIBC_HEAP=default asks for glibc's defaults (to measure the difference).
if (Environment.GetEnvironmentVariable("RDNAS_GLIBC_HEAP") != "default")
{
    RdNas.Nas.NativeMemory.GlibcHeap.RetainFreedMemory();
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
switch (command)
{
    case "step":
        StepBenchmark.Run(Arg(1, 16), Arg(2, 5), Arg(3, 64), Arg(4, 20), Arg(5, 3), Arg(6, 32),
            RdNas.Nas.Devices.ComputeDevice.Parse(args.Length > 7 ? args[7] : "cpu"));
        break;
    case "matmul":
        MatmulBenchmark.Run(Arg(1, 2048), Arg(2, 10));
        break;
    case "sweep":
        PresetSweep.Run(Arg(1, 8), Arg(2, 1), Arg(3, 25), Arg(4, 10_000), Arg(5, 8), Arg(6, 1_000), Arg(7, 0), args.Length > 8 ? args[8] : "sweep-run", Arg(9, 0), Arg(10, 64),
            SweepVariant.Parse([.. args.Skip(11)]));
        break;
    case "rescore":
        CheckpointRescore.Run(args[1], args[2], long.Parse(args[3], CultureInfo.InvariantCulture), args[4], [.. args.Skip(5)]);
        break;
    case "recal-noise":
        RecalibrationNoise.Run(args[1], args[2], Arg(3, 100), Arg(4, 10_000), args[5],
            args.Length > 6 ? [.. args.Skip(6).Select(a => int.Parse(a, CultureInfo.InvariantCulture))] : [16, 78]);
        break;
    case "proxy-memory":
        ProxyMemory.Run(args[1], Arg(2, 400), Arg(3, 100));
        break;
    case "agreement":
        ProxyAgreement.Run(args[1], args.Skip(2));
        break;
    case "op-bias":
        OperationBiasTable.Run(args.Skip(1));
        break;
    case "pair-mix":
        PairMix.Run(args[1], Arg(2, 100_000), Arg(3, 0));
        break;
    case "student-teacher":
        StudentTeacherAgreement.Run(args[1], args.Skip(2));
        break;
    case "trajectories":
        TrajectoryAgreement.Run(args.Skip(1));
        break;
    case "teacher-mix":
        TeacherMix.Run(args[1], args.Skip(2));
        break;
    case "search-columns":
        SearchWithTableColumns.Run(Arg(1, 100), Arg(2, 20), args.Skip(3));
        break;
    case "standalone":
        StandaloneTraining.Run(args[1], Arg(2, 10), Arg(3, 1), Arg(4, 0), args[5]);
        break;
    case "standalone-compare":
        StandaloneComparison.Run([.. args[1].Split(',')], [.. args.Skip(2)]);
        break;
    case "few-shot":
        FewShotScreen.Run(args[1], Arg(2, 51), Arg(3, 6), Arg(4, 0), Arg(5, 0), Arg(6, 1), args[7]);
        break;
    case "edge-groups":
        EdgeGroups.Run(Arg(1, 0), args.Skip(2));
        break;
    case "arch-queries":
        return await ArchitectureQueryBenchmark.RunAsync(args[1], Arg(2, 10_000), Arg(3, 5));
    case "checkpoint-fetch":
        return await CheckpointFetchBenchmark.RunAsync(args[1], args[2], Arg(3, 5));
    default:
        Console.Error.WriteLine($"unknown benchmark '{command}' (expected step, matmul, sweep, rescore, recal-noise, proxy-memory, agreement, op-bias, pair-mix, student-teacher, trajectories, teacher-mix, search-columns, standalone, standalone-compare, few-shot, edge-groups, arch-queries, checkpoint-fetch)");
        return 2;
}

return 0;
