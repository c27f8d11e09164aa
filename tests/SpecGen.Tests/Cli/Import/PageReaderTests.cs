using System.Text.RegularExpressions;
using SpecGen.Cli.Import;

namespace SpecGen.Tests.Cli.Import;

/// <summary>Each kind of line a page has, one row per kind: what the reader takes from it, and the page line it comes from.</summary>
public sealed class PageReaderTests
{
    public static TheoryData<string, string, string> Pages => new()
    {
        {
            "headings, each followed by its value",
            "Interface for Sending a Survey\n\nInterface Method\n\nPOST\n\nURL\n\nhttps://IP:PORT/survey/rest/api/sendSurvey\n",
            """
            title: Interface for Sending a Survey
            method: POST@5
            url: https://IP:PORT/survey/rest/api/sendSurvey@9
            """
        },
        {
            "a heading whose value is in a sentence",
            "Query\nMethod\nThis interface supports only the GET method.\nURI\nGET https://IP:PORT/api/items?page={page}\n",
            """
            title: Query
            method: GET@3
            url: https://IP:PORT/api/items?page={page}@5
            """
        },
        {
            "key and value on one line",
            "Get an item\nMethod: GET\nURL: /api/v1/items/{id}\n",
            """
            title: Get an item
            method: GET@2
            url: /api/v1/items/{id}@3
            """
        },
        {
            "key and value as two tab-separated cells",
            "Get an item\nRequest method\tDELETE\nRequest URL\thttps://host/api/items/{id}\n",
            """
            title: Get an item
            method: DELETE@2
            url: https://host/api/items/{id}@3
            """
        },
        {
            "a request line",
            "Get items\n\nGET /api/items HTTP/1.1\n",
            """
            title: Get items
            method: GET@3
            url: /api/items@3
            """
        },
        {
            "a heading's value wins over a later request line",
            "Items\nMethod\nPOST\nPUT /api/items\n",
            """
            title: Items
            method: POST@3
            url: /api/items@4
            """
        },
        {
            "lines the browser adds are not the title",
            "Help Center > Contact Center > API Reference\nUpdated on 2024-05-01\nInterface for Querying Queues\n",
            """
            title: Interface for Querying Queues
            """
        },
        {
            "the Description section, up to the next part",
            "Title\nDescription\nQueries the records.\n• Only admins can call it.\nMethod\nPOST\n",
            """
            title: Title
            description: Queries the records. / Only admins can call it.
            method: POST@6
            """
        },
        {
            "a table under a section, a status code and a caption",
            "T\nResponse\nStatus code: 200\nTable 3 Response body\nParameter\nType\nDescription\nerrorCode\nString\nThe code.\n",
            """
            title: T
            table@5: caption 'Response body' (Table 3 Response body), section Response, status 200, 1 rows
            """
        },
        {
            "a table under a caption-like line with no 'Table N'",
            "T\nRequest\nHeader Parameters\nParameter\nType\nDescription\nX-Token\nString\nThe token.\n",
            """
            title: T
            table@4: caption 'Header Parameters' (Header Parameters), section Request, 1 rows
            """
        },
        {
            "a Chinese caption",
            "T\n表2 请求消息头参数\n参数名\n参数类型\n说明\nX-Token\nString\n令牌。\n",
            """
            title: T
            table@3: caption '请求消息头参数' (表2 请求消息头参数), section None, 1 rows
            """
        },
        {
            "examples under labels, with header lines and comments left out",
            "T\nExample\nRequest example\nPOST /x HTTP/1.1\nContent-Type: application/json\n{\n  \"a\": 1 // the a\n}\nResponse example\nHTTP/1.1 200 OK\n{\"b\": [2, 3]}\n",
            """
            title: T
            method: POST@4
            url: /x@4
            request example@6: {"a":1}
            response example@11: {"b":[2,3]}
            """
        },
        {
            "examples as bullets in an example section",
            "T\nExamples\n• Request\n{\"a\": 1}\n• Response\n{\"b\": 2}\n",
            """
            title: T
            request example@4: {"a":1}
            response example@6: {"b":2}
            """
        },
        {
            "Chinese example labels",
            "T\n请求示例\n{\"a\": 1}\n响应示例\n{\"b\": 2}\n",
            """
            title: T
            request example@3: {"a":1}
            response example@5: {"b":2}
            """
        },
        {
            "unlabelled JSON in an example section: request first, then response",
            "T\nMessage example\n{\"a\": 1}\n{\"b\": 2}\n",
            """
            title: T
            request example@3: {"a":1}
            response example@4: {"b":2}
            """
        },
        {
            "an example that is not complete JSON",
            "T\nRequest example\n{ \"a\": \n",
            """
            title: T
            problem@3: the request example (the example ends before its JSON does)
            """
        },
        {
            "a response that is a JSON array, said in a sentence",
            "T\nResponse\nThe response body is a JSON array of queue objects.\n",
            """
            title: T
            array@3: The response body is a JSON array of queue objects.
            """
        },
        {
            "a response example that is a JSON array",
            "T\nResponse example\n[{\"id\": 1}]\n",
            """
            title: T
            response example@3: [{"id":1}]
            array@3: the response example is a JSON array
            """
        },
        {
            "the marker a cut copy leaves",
            "T\nMethod\nPOST\n[... text not available ...]\nmore\n",
            """
            title: T
            method: POST@3
            cut@4
            """
        },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_kind_of_line_gives_its_part_of_the_page(string kind, string page, string expected)
        => Assert.True(expected.ReplaceLineEndings("\n") == Render(PageReader.Read(page)), kind + ":\n" + Render(PageReader.Read(page)));

    private static string Render(Page page)
    {
        var text = new List<string>();
        Add("title", page.Title);
        Add("description", page.Description?.Replace("\n", " / ", StringComparison.Ordinal));
        Add("method", page.Method is { } m ? $"{m.Value}@{m.Line}" : null);
        Add("url", page.Url is { } u ? $"{u.Value}@{u.Line}" : null);
        foreach (PageTable table in page.Tables)
        {
            text.Add($"table@{table.Line}: caption '{table.Caption}' ({table.CaptionLine}), section {table.Section}{(table.StatusCode is { } s ? $", status {s}" : string.Empty)}, {table.Rows.Count} rows");
        }

        Add($"request example@{page.RequestExample?.Line}", page.RequestExample is { } q ? Regex.Replace(q.Value, @"\s+", string.Empty) : null);
        Add($"response example@{page.ResponseExample?.Line}", page.ResponseExample is { } r ? Regex.Replace(r.Value, @"\s+", string.Empty) : null);
        foreach (Located<string> problem in page.ExampleProblems)
        {
            text.Add($"problem@{problem.Line}: {problem.Value}");
        }

        if (page.CutLine is { } cut)
        {
            text.Add($"cut@{cut}");
        }

        Add($"array@{page.ArrayResponse?.Line}", page.ArrayResponse?.Value);
        return string.Join("\n", text);

        void Add(string key, string? value)
        {
            if (value is not null)
            {
                text.Add($"{key}: {value}");
            }
        }
    }
}
