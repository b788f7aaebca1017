using RdNas.Nas.Proxies;
using RdNas.Nas.Sampling;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Teachers;

namespace RdNas.Nas.Training.Methods;

/// <summary>Builds the training method a <see cref="TrainingMethodSpec"/> names.</summary>
public static class TrainingMethods
{
    /// <summary>
    /// The method of <paramref name="spec"/> over <paramref name="space"/>; <paramref name="teacher"/> supplies the
    /// teacher's scores and is called only for RD-NAS.
    /// </summary>
    public static ITrainingMethod Create(TrainingMethodSpec spec, Nb201SearchSpace space, Func<ProxyColumn, TeacherScores> teacher)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(teacher);
        spec.Validate();
        return spec.Sampler switch
        {
            "spos" => new SposMethod(new UniformSubnetSampler(space)),
            "fairnas" => new FairNasMethod(space),
            "sandwich" => new SandwichMethod(space),
            _ => new RdNasMethod(spec.Pairs(space), teacher(ProxyColumn.Parse(spec.Teacher)), spec.RankingLoss(), LambdaSchedule.Parse(spec.Lambda)),
        };
    }
}
