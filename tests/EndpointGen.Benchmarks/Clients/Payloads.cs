using System;
using System.Globalization;
using System.Text;

namespace EndpointGen.Benchmarks.Clients;

/// <summary>The canned response bodies and the request values every contender sends.</summary>
internal static class Payloads
{
    /// <summary>The number of elements in the large payloads.</summary>
    public const int LargeCount = 1000;

    /// <summary>The base address of every contender (a CCAI tenant).</summary>
    public const string BaseAddress = "https://customer.uc1.ccaiplatform.com/apps/api/v1/";

    /// <summary>The HTTP Basic user (CCAI: the subdomain).</summary>
    public const string User = "customer";

    /// <summary>The HTTP Basic password (CCAI: the API token).</summary>
    public const string Password = "s3cr3t-t0ken";

    /// <summary>The account of the GET requests.</summary>
    public const long AccountId = 77;

    /// <summary>The chat of every request.</summary>
    public const long ChatId = 1234;

    /// <summary>The <c>lang</c> query value of the small GET.</summary>
    public const string Lang = "en";

    /// <summary>The <c>kind</c> query value of the large GET.</summary>
    public const string Kind = "photo";

    /// <summary>The <c>agent_id</c> of the form and multipart POSTs.</summary>
    public const long AgentId = 42;

    /// <summary>The message text of the form POST: spaces and reserved characters, for the form encoding to escape.</summary>
    public const string MessageBody = "Hi Anna, my order #8812 (2 items) hasn't arrived yet: could you check? Thanks & regards";

    /// <summary>The <c>priority</c> of the form POST.</summary>
    public const int Priority = 2;

    /// <summary>The caption of the multipart POST.</summary>
    public const string Caption = "Receipt of order #8812";

    /// <summary>The file name of the multipart POST's file part.</summary>
    public const string PhotoFileName = "receipt-8812.png";

    /// <summary>The content type of the multipart POST's file part.</summary>
    public const string PhotoContentType = "image/png";

    /// <summary>The file of the multipart POST: 2 KB that start like a PNG file (a small photo or screenshot thumbnail).</summary>
    public static readonly byte[] Photo = CreatePhoto();

    /// <summary>One CCAI chat object, every field set, as the vendor's page shows it (about 1 KB).</summary>
    public static readonly byte[] Chat = Encoding.UTF8.GetBytes("""
        {
          "id": 1234,
          "status": "assigned",
          "status_text": "Assigned",
          "features": ["photo", "video", "screenshare"],
          "created_at": "2024-05-02T10:15:30+00:00",
          "ends_at": "2024-05-02T11:15:30+00:00",
          "timeout_at": "2024-05-02T10:45:30+00:00",
          "agent": { "id": 42, "name": "Anna Rossi", "first_name": "Anna", "avatar_url": "https://customer.uc1.ccaiplatform.com/avatars/42.png", "status": "available" },
          "virtual_agent": { "id": 7, "name": "Support Bot", "avatar_url": "https://customer.uc1.ccaiplatform.com/avatars/va-7.png", "status": "active" },
          "all_agents": [
            { "id": 42, "name": "Anna Rossi", "first_name": "Anna", "avatar_url": "https://customer.uc1.ccaiplatform.com/avatars/42.png", "status": "available" },
            { "id": 43, "name": "Marco Bianchi", "first_name": "Marco", "avatar_url": "https://customer.uc1.ccaiplatform.com/avatars/43.png", "status": "away" }
          ],
          "all_virtual_agents": [
            { "id": 7, "name": "Support Bot", "avatar_url": "https://customer.uc1.ccaiplatform.com/avatars/va-7.png", "status": "active" }
          ],
          "lang": "en",
          "menus": [ { "id": 17, "name": "Billing" }, { "id": 18, "name": "Shipping" } ],
          "end_user": { "id": 9001, "identifier": "customer-8812" }
        }
        """);

    /// <summary>A JSON array of <see cref="LargeCount"/> CCAI media objects (about 110 KB).</summary>
    public static readonly byte[] MediaList = CreateMediaList();

    private static byte[] CreatePhoto()
    {
        var photo = new byte[2048];
        new System.Random(8812).NextBytes(photo);
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(photo);
        return photo;
    }

    private static byte[] CreateMediaList()
    {
        var json = new StringBuilder("[");
        for (var i = 0; i < LargeCount; i++)
        {
            json.Append(i == 0 ? "\n  " : ",\n  ");
            json.Append(CultureInfo.InvariantCulture, $"{{\"url\": \"https://media.example-bucket.s3.amazonaws.com/chats/1234/photos/{i:D4}-3f9c2b7e-receipt.jpg\", \"media_id\": {100000 + i}}}");
        }

        return Encoding.UTF8.GetBytes(json.Append("\n]").ToString());
    }
}
