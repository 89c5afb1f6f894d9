using SysDesignLab.Orchestration.RabbitMq;

namespace SysDesignLab.Orchestration.Tests.RabbitMq;

public sealed class RabbitMqSettingsTests
{
    [Fact]
    public void No_settings_and_well_formed_ones_are_valid()
    {
        Assert.Empty(RabbitMqSettings.Validate(new Dictionary<string, string>()));
        Assert.Empty(RabbitMqSettings.Validate(new Dictionary<string, string>
        {
            ["vm_memory_high_watermark"] = "0.4",
            ["disk_free_limit"] = "1GB",
            ["max_message_size"] = "1048576",
            ["consumer_timeout"] = "60000",
            ["heartbeat"] = "0",
            ["log_level"] = "warning",
        }));
    }

    [Fact]
    public void Each_bad_setting_gets_one_readable_error()
    {
        var errors = RabbitMqSettings.Validate(new Dictionary<string, string>
        {
            ["vm_memory_high_watermark"] = "1.5",
            ["heartbeat"] = "-1",
            ["management"] = "off",
        });

        Assert.Equal(
        [
            "RabbitMQ setting 'heartbeat' is '-1' but must be a whole number of seconds between 0 and 3600.",
            "RabbitMQ setting 'management' is not one the lab knows; use one of: consumer_timeout, disk_free_limit, heartbeat, log_level, max_message_size, vm_memory_high_watermark.",
            "RabbitMQ setting 'vm_memory_high_watermark' is '1.5' but must be a fraction between 0 and 1 (like 0.4) or a size (like 512MB).",
        ], errors);
    }

    [Fact]
    public void Settings_become_rabbitmq_conf_lines_in_a_stable_order()
    {
        var lines = RabbitMqSettings.ToConfigLines(new Dictionary<string, string>
        {
            ["vm_memory_high_watermark"] = "512MB",
            ["disk_free_limit"] = "50MB",
            ["log_level"] = "debug",
        });

        Assert.Equal(["disk_free_limit.absolute = 50MB", "log.console.level = debug", "vm_memory_high_watermark.absolute = 512MB"], lines);
    }
}
