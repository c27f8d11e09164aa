using SpecGen.Cli.Import;

namespace SpecGen.Tests.Cli.Import;

/// <summary>The type spellings of the pages, one row per spelling, and what each becomes in a spec.</summary>
public sealed class PageTypesTests
{
    /// <summary>Named: the page's type name a table must describe ("-" for none); note: whether the mapping asks for review.</summary>
    [Theory]
    [InlineData("String", "String", "-", false, false, null, false)]
    [InlineData("string", "String", "-", false, false, null, false)]
    [InlineData("VARCHAR", "String", "-", false, false, null, false)]
    [InlineData("字符串", "String", "-", false, false, null, false)]
    [InlineData("int", "Integer", "-", false, false, null, false)]
    [InlineData("Integer", "Integer", "-", false, false, null, false)]
    [InlineData("整数", "Integer", "-", false, false, null, false)]
    [InlineData("long", "Long", "-", false, false, null, false)]
    [InlineData("int64", "Long", "-", false, false, null, false)]
    [InlineData("Number", "Number", "-", false, false, null, false)]
    [InlineData("double", "Number", "-", false, false, null, false)]
    [InlineData("BigDecimal", "Number", "-", false, false, null, false)]
    [InlineData("boolean", "Boolean", "-", false, false, null, false)]
    [InlineData("Date", "Date", "-", false, false, null, false)]
    [InlineData("DateTime", "Date", "-", false, false, null, false)]
    [InlineData("Object", "Object", "-", true, false, null, false)]
    [InlineData("JSONObject", "Object", "-", true, false, null, false)]
    [InlineData("JSON object", "Object", "-", true, false, null, false)]
    [InlineData("对象", "Object", "-", true, false, null, false)]
    [InlineData("array", "Object[]", "-", true, true, null, false)]
    [InlineData("JSONArray", "Object[]", "-", true, true, null, false)]
    [InlineData("List", "Object[]", "-", true, true, null, false)]
    [InlineData("Object[]", "Object[]", "-", true, true, null, false)]
    [InlineData("String[]", "String[]", "-", false, true, null, false)]
    [InlineData("List<String>", "String[]", "-", false, true, null, false)]
    [InlineData("List <JSON object>", "Object[]", "-", true, true, null, false)]
    [InlineData("Set<Integer>", "Integer[]", "-", false, true, null, false)]
    [InlineData("List<transferRecord>", "transferRecord[]", "transferRecord", true, true, null, false)]
    [InlineData("transferRecord[]", "transferRecord[]", "transferRecord", true, true, null, false)]
    [InlineData("transferRecord", "transferRecord", "transferRecord", true, false, null, false)]
    [InlineData("String(64)", "String", "-", false, false, 64, false)]
    [InlineData("varchar (32)", "String", "-", false, false, 32, false)]
    [InlineData("String(64)[]", "String[]", "-", false, true, null, false)]
    [InlineData("Map", "Map", "-", false, false, null, false)]
    [InlineData("Map<String, String>", "Map<String, String>", "-", false, false, null, false)]
    [InlineData("Map<String,Integer>", "Map<String, Integer>", "-", false, false, null, false)]
    [InlineData("Map<String, Object>", "Map<String, Object>", "-", false, false, null, false)]
    [InlineData("HashMap<String, List<String>>", "Map<String, String[]>", "-", false, false, null, false)]
    [InlineData("Map<String, transferRecord>", "Map", "-", false, false, null, true)]
    [InlineData("Map<String, Object[]>", "Map", "-", false, false, null, true)]
    [InlineData("Map<String>", "Map", "-", false, false, null, false)]
    [InlineData("String[][]", "Object[]", "-", false, true, null, true)]
    [InlineData("List<List<String>>", "Object[]", "-", false, true, null, true)]
    [InlineData("a string", null, "-", false, false, null, false)]
    [InlineData("1.1", null, "-", false, false, null, false)]
    [InlineData("List<a string>", null, "-", false, false, null, false)]
    public void Read(string cell, string? specType, string named, bool isObject, bool isList, int? maxLength, bool note)
    {
        PageType? type = PageTypes.Read(cell);

        if (specType is null)
        {
            Assert.Null(type);
            return;
        }

        Assert.NotNull(type);
        Assert.Equal((specType, named, isObject, isList, maxLength, note), (type.SpecType, type.Named ?? "-", type.IsObject, type.IsList, type.MaxLength, type.Note is not null));
    }

    [Theory]
    [InlineData("String", true, true)]
    [InlineData("List<String>", true, true)]
    [InlineData("JSON object", true, true)]
    [InlineData("String(64)", true, true)]
    [InlineData("Object[]", true, true)]
    [InlineData("JSONArray", true, true)]
    [InlineData("transferRecord", true, false)]
    [InlineData("transferRecord[]", true, false)]
    [InlineData("List<transferRecord>", true, false)]
    [InlineData("Tenant ID.", false, false)]
    [InlineData("1.1", false, false)]
    [InlineData("2.1.1", true, false)]
    [InlineData("See section 2.1", true, false)]
    [InlineData("Table 4", true, false)]
    [InlineData("Yes", true, false)]
    public void LooksLikeType_and_IsBuiltIn(string cell, bool looksLikeType, bool builtIn)
        => Assert.Equal((looksLikeType, builtIn), (PageTypes.LooksLikeType(cell), PageTypes.IsBuiltIn(cell)));
}
