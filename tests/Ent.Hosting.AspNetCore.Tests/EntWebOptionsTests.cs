using Ent.Core.Identifiers;

namespace Ent.Hosting.AspNetCore.Tests;

/// <summary>The web host's options are checked when it starts, every problem naming its value.</summary>
public sealed class EntWebOptionsTests
{
    [Fact]
    public void The_defaults_are_valid_secure_cookies_eight_hours_and_ten_sign_ins_a_minute()
    {
        var options = new EntWebOptions();

        Assert.Empty(options.Validate());
        Assert.Equal((true, TimeSpan.FromHours(8), 10, false), (options.SecureCookies, options.SessionIdleTimeout, options.SignInAttemptsPerMinute, options.Demo));
    }

    [Fact]
    public void A_non_positive_timeout_or_limit_is_refused_naming_it()
    {
        var options = new EntWebOptions { SessionIdleTimeout = TimeSpan.Zero, SignInAttemptsPerMinute = 0 };

        var problems = options.Validate();

        Assert.Contains(problems, p => p.Contains("SessionIdleTimeout: 00:00:00", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("SignInAttemptsPerMinute: 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Demonstration_mode_needs_personas_each_under_its_own_key()
    {
        var empty = new EntWebOptions { Demo = true };
        var twice = new EntWebOptions { Demo = true };
        twice.DemoPersonas.Add(new DemoPersona("teacher", PersonId.New(), "Professeure", "Teacher"));
        twice.DemoPersonas.Add(new DemoPersona("teacher", PersonId.New(), "Professeur", "Teacher"));

        Assert.Contains(empty.Validate(), p => p.Contains("at least one persona", StringComparison.Ordinal));
        Assert.Contains(twice.Validate(), p => p.Contains("the key 'teacher' is used 2 times", StringComparison.Ordinal));
    }
}
