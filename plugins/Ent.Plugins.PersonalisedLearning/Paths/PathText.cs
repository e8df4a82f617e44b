using System.Globalization;
using Ent.Core.Text;

namespace Ent.Plugins.PersonalisedLearning.Paths;

/// <summary>The path engine's reasons and conditions in words a 12-year-old and their teacher understand, in French and English.</summary>
internal static class PathText
{
    public static LocalizedText Reason(CompiledPlan plan, StepReason reason)
    {
        var skill = reason.Skill >= 0 ? plan.Graph.Skills[reason.Skill].Name : string.Empty;
        return reason.Kind switch
        {
            ReasonKind.Pinned => new($"Ton professeur l'a choisie pour toi : {reason.Note}", $"Your teacher chose it for you: {reason.Note}"),
            ReasonKind.Assigned => new($"Ton professeur te l'a donnée : {reason.Note}", $"Your teacher gave it to you: {reason.Note}"),
            ReasonKind.Remedial => new(
                $"Ton score à « {Title(plan, reason.Trigger)} » était de {PercentFr(reason.Value)} : cette activité t'aide à revoir {skill}.",
                $"Your score on “{Title(plan, reason.Trigger)}” was {PercentEn(reason.Value)}: this activity helps you go over {skill} again."),
            ReasonKind.Enrichment => new(
                $"Tu as réussi « {Title(plan, reason.Trigger)} » ({PercentFr(reason.Value)}) : un défi pour aller plus loin sur {skill}.",
                $"You did well on “{Title(plan, reason.Trigger)}” ({PercentEn(reason.Value)}): a challenge to go further with {skill}."),
            ReasonKind.Review => new(
                $"À revoir : tes deux dernières réponses sur {skill} étaient fausses.",
                $"To review: your last two answers on {skill} were wrong."),
            ReasonKind.PracticeAgain => new(
                $"Encore un peu d'entraînement : tu maîtrises {skill} à {PercentFr(reason.Value)}.",
                $"A little more practice: you are at {PercentEn(reason.Value)} on {skill}."),
            ReasonKind.Prerequisite => new(
                $"Parce que tu ne maîtrises pas encore {skill}, dont {plan.Graph.Skills[reason.ForSkill].Name} a besoin.",
                $"Because you have not yet mastered {skill}, which {plan.Graph.Skills[reason.ForSkill].Name} needs."),
            ReasonKind.NextSkill => new(
                $"Prochaine étape : {skill} (tu la maîtrises à {PercentFr(reason.Value)}).",
                $"Next step: {skill} (you are at {PercentEn(reason.Value)})."),
            ReasonKind.ExitTicket => new(
                $"Pour vérifier ce que tu as appris sur {skill}.",
                $"To check what you learned about {skill}."),
            _ => throw new ArgumentOutOfRangeException(nameof(reason), reason.Kind, "Unknown reason."),
        };
    }

    public static LocalizedText Unlock(CompiledPlan plan, UnlockCondition condition) => condition.Kind switch
    {
        UnlockKind.MasterSkill => new(
            $"Se débloque quand tu maîtrises {plan.Graph.Skills[condition.Skill].Name} à {PercentFr(condition.Required)} (tu en es à {PercentFr(condition.Current)}).",
            $"Unlocks when you master {plan.Graph.Skills[condition.Skill].Name} to {PercentEn(condition.Required)} (you are at {PercentEn(condition.Current)})."),
        UnlockKind.ScoreOn when double.IsNaN(condition.Current) => new(
            $"Se débloque avec au moins {PercentFr(condition.Required)} à « {Title(plan, condition.Activity)} », pas encore faite.",
            $"Unlocks with at least {PercentEn(condition.Required)} on “{Title(plan, condition.Activity)}”, not done yet."),
        UnlockKind.ScoreOn => new(
            $"Se débloque avec au moins {PercentFr(condition.Required)} à « {Title(plan, condition.Activity)} » (ton score : {PercentFr(condition.Current)}).",
            $"Unlocks with at least {PercentEn(condition.Required)} on “{Title(plan, condition.Activity)}” (your score: {PercentEn(condition.Current)})."),
        UnlockKind.AfterTrigger => new(
            $"Après « {Title(plan, condition.Activity)} » : ton score décidera de la suite.",
            $"After “{Title(plan, condition.Activity)}”: your score will decide what comes next."),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Kind, "Unknown condition."),
    };

    /// <summary>The conditions of a locked activity in one sentence, for an error message.</summary>
    public static string Locked(CompiledPlan plan, int activity, IEnumerable<UnlockCondition> conditions) =>
        $"Activity '{Title(plan, activity)}' is locked for this pupil: {string.Join(" ", conditions.Select(c => Unlock(plan, c).English))} Nothing was recorded.";

    public static string Title(CompiledPlan plan, int activity) =>
        plan.Course.Activities.First(a => a.Id == plan.Plan.Activities[activity].Activity).Title;

    public static string PercentFr(double value) => Math.Round(value * 100).ToString(CultureInfo.InvariantCulture) + "\u202f%";

    public static string PercentEn(double value) => Math.Round(value * 100).ToString(CultureInfo.InvariantCulture) + "%";
}
