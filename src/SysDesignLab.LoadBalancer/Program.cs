using SysDesignLab.LoadBalancer;
using SysDesignLab.ScenarioKit;

var builder = WebApplication.CreateBuilder(args);
builder.AddLabDefaults();
builder.AddLabLoadBalancer();

var app = builder.Build();
app.MapReverseProxy();
app.Run();
