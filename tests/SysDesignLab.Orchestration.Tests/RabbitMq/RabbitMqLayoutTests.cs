using SysDesignLab.Orchestration.RabbitMq;

namespace SysDesignLab.Orchestration.Tests.RabbitMq;

public sealed class RabbitMqLayoutTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sdlab-mq-layout-").FullName;

    [Fact]
    public void The_password_is_generated_once_owner_only_and_reused()
    {
        var layout = new RabbitMqLayout(_root);

        var password = layout.EnsurePassword();

        Assert.Matches("^[A-Za-z0-9]{32}$", password);
        Assert.Equal(password, new RabbitMqLayout(_root).EnsurePassword());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(layout.PasswordFile));
        }
    }

    [Fact]
    public void Data_made_for_a_lost_password_is_dropped_with_it()
    {
        var layout = new RabbitMqLayout(_root);
        var queues = Path.Combine(layout.MnesiaBase, layout.NodeName, "queues");
        Directory.CreateDirectory(queues);

        layout.EnsurePassword();

        Assert.False(Directory.Exists(layout.MnesiaBase));
    }

    [Fact]
    public void Node_names_differ_per_folder_and_stay_the_same_for_one()
    {
        Assert.Equal(new RabbitMqLayout(_root).NodeName, new RabbitMqLayout(_root).NodeName);
        Assert.NotEqual(new RabbitMqLayout(_root).NodeName, new RabbitMqLayout(_root + "-other").NodeName);
        Assert.Matches("^sdlab-[0-9a-f]{10}@localhost$", new RabbitMqLayout(_root).NodeName);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
