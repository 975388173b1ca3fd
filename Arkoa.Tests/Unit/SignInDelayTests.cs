extern alias ArkoaApi;

namespace Arkoa.Tests.Unit;

public sealed class SignInDelayTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(10, 512)]
    [InlineData(11, 900)]
    [InlineData(1_000_000, 900)]
    public void The_wait_doubles_from_one_second_up_to_15_minutes(long failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ArkoaApi::Arkoa.Api.Auth.SignInDelay.After(failures, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15)));
}
