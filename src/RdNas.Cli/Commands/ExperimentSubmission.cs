using RdNas.Abstractions.Experiments;
using RdNas.Client;
using RdNas.Nas.Data;

namespace RdNas.Cli.Commands;

/// <summary>Submits a spec and turns the platform's refusal into the CLI's errors: the field becomes its option.</summary>
internal static class ExperimentSubmission
{
    public static async Task<ExperimentStatus> SubmitAsync(RdNasClient client, ExperimentSpec spec, string id)
    {
        try
        {
            return await client.SubmitAsync(spec, id).ConfigureAwait(false);
        }
        catch (InvalidExperimentSpecException e) when (e.Field == "data")
        {
            throw new DataNotFoundException(e.Message["data: ".Length..]);
        }
        catch (InvalidExperimentSpecException e) when (e.Field.Length > 0)
        {
            throw new ArgumentException($"--{e.Field.Replace('_', '-')}{e.Message[e.Field.Length..]}", e);
        }
    }
}
