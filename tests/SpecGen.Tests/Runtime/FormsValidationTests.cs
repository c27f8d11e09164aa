namespace SpecGen.Tests.Runtime;

/// <summary>
/// The generated <c>Validate()</c> for the constraints the shipped spec does not use (pattern,
/// lengths, ranges, item counts, exactlyOne, nested and mapped objects), on the forms spec
/// compiled in memory: one passing and one failing case each, by exact path and code.
/// </summary>
public sealed class FormsValidationTests(FormsAssembly forms) : IClassFixture<FormsAssembly>
{
    [Fact]
    public void The_baseline_request_is_valid()
    {
        Assert.Empty(Errors(ValidRequest()));
    }

    [Theory]
    [InlineData("42", true)]
    [InlineData("0", true)]
    [InlineData("4a2", false)]
    [InlineData("-42", false)]
    public void Pattern(string shopId, bool valid)
    {
        dynamic request = ValidRequest();
        request.ShopId = shopId;

        Assert.Equal(Expect(valid, ("shopId", "pattern")), Errors((object)request));
    }

    [Fact]
    public void Mandatory_header_and_path_fields()
    {
        dynamic request = ValidRequest();
        request.ShopId = string.Empty;
        request.XAppKey = null;

        Assert.Equal([("shopId", "mandatory"), ("X-APP-Key", "mandatory")], Errors((object)request));
    }

    [Theory]
    [InlineData("123456", null)]
    [InlineData("12345", "minLength")]
    [InlineData("1234567", "maxLength")]
    public void Length(string code, string? error)
    {
        dynamic request = ValidRequest();
        request.TwoFactorCode = code;

        Assert.Equal(Expect(error is null, ("2fa", error ?? string.Empty)), Errors((object)request));
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(99, null)]
    [InlineData(0, "minimum")]
    [InlineData(100, "maximum")]
    [InlineData(int.MinValue, "minimum")]
    public void Integer_range(int quantity, string? error)
    {
        dynamic request = ValidRequest();
        request.Quantity = quantity;

        Assert.Equal(Expect(error is null, ("quantity", error ?? string.Empty)), Errors((object)request));
    }

    [Theory]
    [InlineData(0.5, true)]
    [InlineData(0.49, false)]
    public void Number_minimum(double weight, bool valid)
    {
        // weight and total are exactlyOne, and total is mandatory: a weight breaks the rule either way.
        dynamic request = ValidRequest();
        request.Weight = weight;

        (string, string)[] expected = valid ? [(string.Empty, "exactlyOne")] : [("weight", "minimum"), (string.Empty, "exactlyOne")];
        Assert.Equal(expected, Errors((object)request));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(0, false)]
    [InlineData(6, false)]
    public void Item_count(int count, bool valid)
    {
        dynamic request = ValidRequest();
        request.Tags = Enumerable.Range(0, count).Select(i => "tag" + i).ToList();

        Assert.Equal(Expect(valid, ("tags", count == 0 ? "minItems" : "maxItems")), Errors((object)request));
    }

    [Fact]
    public void Length_of_each_item()
    {
        dynamic request = ValidRequest();
        request.Tags = new List<string> { "0123456789", "0123456789a", string.Empty };

        Assert.Equal([("tags[1]", "maxLength")], Errors((object)request));
    }

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("2024-2-9", false)]
    public void Date_format(string createdAt, bool valid)
    {
        dynamic request = ValidRequest();
        request.CreatedAt = createdAt;

        Assert.Equal(Expect(valid, ("createdAt", "format")), Errors((object)request));
    }

    [Theory]
    [InlineData("APP", true)]
    [InlineData("app", false)]
    public void Values(string channel, bool valid)
    {
        dynamic request = ValidRequest();
        request.Channel = channel;

        Assert.Equal(Expect(valid, ("channel", "values")), Errors((object)request));
    }

    [Fact]
    public void Exactly_one_with_neither_set()
    {
        dynamic request = ValidRequest();
        request.Total = null;

        Assert.Equal([("total", "mandatory"), (string.Empty, "exactlyOne")], Errors((object)request));
    }

    [Fact]
    public void At_least_one_counts_an_empty_list_as_set()
    {
        dynamic request = ValidRequest();
        request.Tags = null;
        Assert.Equal([(string.Empty, "atLeastOne")], Errors((object)request));

        request.Scores = new List<long>();
        Assert.Empty(Errors((object)request));
    }

    [Fact]
    public void Errors_of_nested_objects_carry_their_path()
    {
        dynamic address = forms.Create("Address");
        address.Zip = "1234";
        dynamic history = forms.Create("Address");
        history.Street = "Main";
        history.UpdatedAt = -5L;
        dynamic line = forms.Create("PlaceOrderRequestItems");
        line.Count = 4;
        dynamic buyer = forms.Create("Customer");
        buyer.Id = string.Empty;

        dynamic request = ValidRequest();
        request.Address = address;
        request.History = forms.ListOf("Address", forms.Create("Address"), history);
        request.Items = forms.ListOf("PlaceOrderRequestItems", Item("a"), line);
        request.Buyer = buyer;

        Assert.Equal(
            [
                ("address.street", "mandatory"), ("address.zip", "pattern"),
                ("history[0].street", "mandatory"), ("history[1].updatedAt", "format"),
                ("items[1].sku", "mandatory"), ("items[1].count", "values"),
                ("buyer.id", "mandatory"),
            ],
            Errors((object)request));
    }

    [Fact]
    public void Valid_nested_objects_add_no_errors()
    {
        dynamic address = forms.Create("Address");
        address.Street = "Main";
        address.Zip = "12345";
        address.UpdatedAt = 1648805539000L;

        dynamic request = ValidRequest();
        request.Address = address;
        request.Items = forms.ListOf("PlaceOrderRequestItems", Item("a"), Item("b"));

        Assert.Empty(Errors((object)request));
    }

    [Fact]
    public void Errors_of_map_values_carry_the_key()
    {
        dynamic response = forms.Create("PlaceOrderResponse");
        response.ResultCode = "0";
        response.Lines = forms.MapOf("Address", "home", forms.Create("Address"));

        Assert.Equal([("lines.home.street", "mandatory")], Errors((object)response));
    }

    private static (string Path, string Code)[] Expect(bool valid, (string Path, string Code) error) => valid ? [] : [error];

    /// <summary>The (path, code) of each error; takes object so that callers stay statically bound.</summary>
    private static (string Path, string Code)[] Errors(object dto)
    {
        ValidationResult result = ((dynamic)dto).Validate();
        return result.Errors.Select(e => (e.Path, e.Code)).ToArray();
    }

    private dynamic Item(string sku)
    {
        dynamic item = forms.Create("PlaceOrderRequestItems");
        item.Sku = sku;
        return item;
    }

    /// <summary>Every mandatory field and rule satisfied; each test breaks one thing.</summary>
    private dynamic ValidRequest()
    {
        dynamic request = forms.Create("PlaceOrderRequest");
        request.ShopId = "42";
        request.XAppKey = "key";
        request.Total = 5L;
        request.Tags = new List<string> { "new" };
        request.Items = forms.ListOf("PlaceOrderRequestItems");
        return request;
    }
}
