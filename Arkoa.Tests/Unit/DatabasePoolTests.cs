extern alias ArkoaApi;
using ArkoaApi::Arkoa.Api.Data;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Arkoa.Tests.Unit;

/// <summary>The Api's pool size and automatic preparation: configuration fills them in, the connection string wins.</summary>
public sealed class DatabasePoolTests
{
    private const string Given = "Host=localhost;Port=5432;Database=arkoa;Username=app;Password=secret";

    [Fact]
    public void Defaults_cap_the_pool_and_prepare_repeated_statements()
    {
        var applied = new NpgsqlConnectionStringBuilder(DatabasePool.Apply(Given, Configuration()));

        Assert.Equal(DatabasePool.DefaultMaxSize, applied.MaxPoolSize);
        Assert.Equal(DatabasePool.DefaultMaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal("arkoa", applied.Database);
        Assert.Equal("secret", applied.Password);
    }

    [Fact]
    public void Configuration_sets_both_and_zero_turns_preparation_off()
    {
        var applied = new NpgsqlConnectionStringBuilder(DatabasePool.Apply(Given,
            Configuration((DatabasePool.MaxSizeSetting, "40"), (DatabasePool.MaxAutoPrepareSetting, "0"))));

        Assert.Equal(40, applied.MaxPoolSize);
        Assert.Equal(0, applied.MaxAutoPrepare);
    }

    [Fact]
    public void The_connection_string_wins_over_configuration()
    {
        var applied = new NpgsqlConnectionStringBuilder(DatabasePool.Apply(Given + ";Maximum Pool Size=7;Max Auto Prepare=3",
            Configuration((DatabasePool.MaxSizeSetting, "40"), (DatabasePool.MaxAutoPrepareSetting, "50"))));

        Assert.Equal(7, applied.MaxPoolSize);
        Assert.Equal(3, applied.MaxAutoPrepare);
    }

    [Theory]
    [InlineData(DatabasePool.MaxSizeSetting, "0")]
    [InlineData(DatabasePool.MaxAutoPrepareSetting, "-1")]
    public void A_setting_out_of_range_stops_the_Api_naming_it(string key, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabasePool.Apply(Given, Configuration((key, value))));
        Assert.Contains(key, error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
}
