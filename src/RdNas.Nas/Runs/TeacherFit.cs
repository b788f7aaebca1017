namespace RdNas.Nas.Runs;

/// <summary>
/// A teacher measured on one run's evaluated subnets: how well it ranks them itself (the bar its student should
/// clear) and how closely the student's ranking follows it (how much of the teacher the distillation transferred).
/// </summary>
/// <param name="TeacherTau">Kendall τ of the teacher's scores against the ground truth.</param>
/// <param name="StudentTau">Kendall τ of the supernet's accuracies against the teacher's scores.</param>
public sealed record TeacherFit(double TeacherTau, double StudentTau);
