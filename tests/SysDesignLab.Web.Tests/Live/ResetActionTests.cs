using System.Net;
using System.Text.Json;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Running;
using SysDesignLab.Web.Tests.Hosting;

namespace SysDesignLab.Web.Tests.Live;

public sealed class ResetActionTests
{
    [Fact]
    public async Task Reset_from_the_page_saves_the_learners_code_and_says_where()
    {
        await using var lab = await RunningWebLab.StartAsync();
        var scenario = new ScenarioCatalog(lab.Paths.ScenariosRoot).Find(RunningWebLab.ScenarioId);
        await NaiveSnapshot.EnsureAsync(scenario, CancellationToken.None);
        var program = Path.Combine(lab.AppDirectory, "Program.cs");
        var shipped = File.ReadAllText(program);
        File.AppendAllText(program, "\n// the learner's fix\n");
        using var client = lab.Client();
        var token = await lab.PageTokenAsync(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/scenarios/{RunningWebLab.ScenarioId}/reset");
        request.Headers.Add("X-CSRF-TOKEN", token);
        request.Headers.Add("Origin", lab.Origin);

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = await LastOutcomeAsync(client);

        Assert.Equal(shipped, File.ReadAllText(program));
        var backup = Assert.Single(new CodeBackups(lab.Paths, TimeProvider.System).List(scenario));
        Assert.EndsWith("// the learner's fix\n", File.ReadAllText(Path.Combine(backup, "Program.cs")), StringComparison.Ordinal);
        Assert.Contains("Your code was saved to", message, StringComparison.Ordinal);
        Assert.Contains("--undo", message, StringComparison.Ordinal);
    }

    private static async Task<string> LastOutcomeAsync(HttpClient client)
    {
        for (var i = 0; i < 100; i++)
        {
            using var status = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
            if (status.RootElement.GetProperty("last") is { ValueKind: JsonValueKind.Object } last)
            {
                Assert.True(last.GetProperty("ok").GetBoolean(), last.GetProperty("message").GetString());
                return last.GetProperty("message").GetString()!;
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException("the reset never finished");
    }
}
