using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Lab;
using SysDesignLab.Web.Live;

namespace SysDesignLab.Web.Hosting;

/// <summary>
/// GET and POST /api/scenarios/{id}/prediction: what the learner expects before a load, and, once
/// something was measured, what the lab saw beside it (wwwroot/predict.js shows both). The POST is a
/// state change like the buttons': RequestGuard wants the page's token and its origin.
/// </summary>
internal static class PredictionEndpoints
{
    public static void MapPrediction(this RouteGroupBuilder api)
    {
        api.MapGet("/prediction", (string id, WebLabContext lab, LabActions actions) =>
            Results.Json(View(lab.Catalog.Find(id), lab, actions)));
        api.MapPost("/prediction", async (string id, HttpRequest request, WebLabContext lab, LabActions actions) =>
        {
            var scenario = lab.Catalog.Find(id);
            PredictionForm? form;
            try
            {
                form = request.HasJsonContentType() ? await request.ReadFromJsonAsync<PredictionForm>(request.HttpContext.RequestAborted) : null;
            }
            catch (JsonException)
            {
                form = null;
            }
            if (form is null)
            {
                return Results.Json(new { text = "Send the prediction as JSON: {\"success\": \"95%\", \"p95\": \"200ms\", \"why\": \"one sentence\"}." },
                    statusCode: StatusCodes.Status400BadRequest);
            }
            try
            {
                lab.Service.Predict(scenario, form.Success, form.P95, form.Why);
            }
            catch (InvalidPredictionException e)
            {
                return Results.Json(new { text = e.Message }, statusCode: StatusCodes.Status400BadRequest);
            }
            return Results.Json(View(scenario, lab, actions));
        });
    }

    /// <summary>The prediction that counts and the latest figures measured: this lab's last load or check, else the latest recorded attempt.</summary>
    private static object View(Scenario scenario, WebLabContext lab, LabActions actions)
    {
        var record = lab.Service.Record(scenario);
        var measured = actions.LastMeasured(scenario.Id) ?? record.Latest?.Figures;
        var prediction = record.Prediction;
        return new
        {
            users = scenario.LoadProfile.VirtualUsers,
            prediction = prediction is null ? null : new
            {
                successRate = prediction.SuccessRate,
                p95Ms = prediction.P95Ms,
                why = prediction.Why,
                at = prediction.At,
                text = PredictionComparison.Expected(prediction),
            },
            measured = measured is null ? null : new
            {
                successRate = measured.SuccessRate,
                goodput = measured.Goodput,
                rps = measured.Rps,
                p95Ms = measured.P95Ms,
                failedRequests = measured.FailedRequests,
                text = "Measured " + PredictionComparison.Measured(measured, scenario.LoadProfile.RequestTimeout),
            },
            comparison = prediction is not null && measured is not null
                ? PredictionComparison.Describe(prediction, measured, scenario.LoadProfile.RequestTimeout)
                : null,
        };
    }

    private sealed record PredictionForm(string? Success, string? P95, string? Why);
}
