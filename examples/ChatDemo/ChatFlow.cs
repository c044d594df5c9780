using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ContactCenter.Ccai;
using ContactCenter.Conversations;
using ContactCenter.LiveDesk;
using ContactCenter.Thulium;
using EndpointGen.Runtime;

namespace ChatDemo;

/// <summary>
/// The demo's contact-center flow: every operation of the three vendors' specs, in the order a
/// real conversation would use them, one output line per HTTP call (vendor, operation, status, time,
/// what came back). The first failure prints one line with the vendor's own error message and stops
/// the flow.
/// </summary>
/// <remarks>
/// The clients are built the way an application builds them: one <see cref="HttpClient"/> whose
/// pipeline holds a <see cref="LastResponseRecorder"/> (how a successful call's status is learned),
/// shared by the three generated clients and the media uploader.
/// </remarks>
public sealed class ChatFlow : IDisposable
{
    private const string Thulium = ThuliumClient.ServiceName;
    private const string Ccai = CcaiClient.ServiceName;
    private const string LiveDesk = LiveDeskClient.ServiceName;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    // The operation column fits the longest operation name, SendMessageWithAttachments.
    private const int OperationWidth = 26;

    /// <summary>The labels the demo lists contacts by (agents set labels in LiveDesk; the API only filters by them).</summary>
    private static readonly string[] ContactLabels = ["vip", "returning"];

    // Signed custom data only has to outlive the one request that carries it.
    private static readonly TimeSpan SignedDataLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The customer every vendor's conversation is for (the vendors' documentation examples).</summary>
    private static readonly ConversationRequest Customer = new()
    {
        FirstName = "Jan",
        LastName = "Kowalski",
        Email = "jan.kowalski@example.org",
        Phone = "+48123456789",
        Language = "en",
        CustomerReference = "1234",
    };

    private readonly DemoSettings _settings;
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly LastResponseRecorder _recorder;
    private readonly HttpClient _http;
    private int _calls;

    /// <summary>Prepares the flow; nothing is sent before <see cref="RunAsync"/>.</summary>
    /// <param name="settings">Which vendors to run, where, and with which ids.</param>
    /// <param name="output">Where the lines go.</param>
    /// <param name="timeProvider">The clock for elapsed times and signed-data timestamps; the system clock by default.</param>
    public ChatFlow(DemoSettings settings, TextWriter output, TimeProvider? timeProvider = null)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _time = timeProvider ?? TimeProvider.System;
        // A handler that leaves redirects to the clients, which keep their credentials on each vendor's origin.
        _recorder = new LastResponseRecorder(EndpointGenHttpClient.CreateHandler());
        _http = new HttpClient(_recorder) { Timeout = RequestTimeout };
    }

    /// <summary>Runs every configured vendor's part of the flow, Thulium, then CCAI, then LiveDesk.</summary>
    /// <param name="cancellationToken">Stops the flow.</param>
    /// <returns><see langword="true"/> when every call succeeded (a summary line was written); <see langword="false"/> after a failure (its line was written).</returns>
    public async Task<bool> RunAsync(CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var vendors = new List<string>();
        try
        {
            if (_settings.Thulium is { } thulium)
            {
                vendors.Add(Thulium);
                await RunThuliumAsync(thulium, cancellationToken).ConfigureAwait(false);
            }

            if (_settings.Ccai is { } ccai)
            {
                vendors.Add(Ccai);
                await RunCcaiAsync(ccai, cancellationToken).ConfigureAwait(false);
            }

            if (_settings.LiveDesk is { } liveDesk)
            {
                vendors.Add(LiveDesk);
                await RunLiveDeskAsync(liveDesk, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (FlowStoppedException)
        {
            return false;
        }

        var elapsed = Milliseconds(_time.GetElapsedTime(started));
        WriteLine($"Done: {_calls} calls to {string.Join(", ", vendors)} succeeded in {elapsed} ms.");
        return true;
    }

    /// <summary>Releases the HTTP client.</summary>
    public void Dispose() => _http.Dispose();

    private async Task RunThuliumAsync(VendorConnection connection, CancellationToken cancellationToken)
    {
        var client = new ThuliumClient(_http, new ThuliumClientOptions { BaseAddress = connection.BaseAddress, Username = connection.Username, Password = connection.Password });
        var channel = new ThuliumConversationChannel(client, _settings.ThuliumChatQueueId);

        var conversation = await CallAsync(Thulium, "StartChatConversation", ct => channel.StartAsync(Customer, ct), c => "conversation " + c.Id, cancellationToken).ConfigureAwait(false);
        await CallAsync(Thulium, "StopChatConversation", ct => channel.EndAsync(conversation, ct), "conversation stopped", cancellationToken).ConfigureAwait(false);
    }

    private async Task RunCcaiAsync(VendorConnection connection, CancellationToken cancellationToken)
    {
        var ccai = new CcaiClient(_http, new CcaiClientOptions { BaseAddress = connection.BaseAddress, Username = connection.Username, Password = connection.Password });
        var channel = new CcaiConversationChannel(ccai, _settings.CcaiMenuId);
        var uploader = new CcaiMediaUploader(ccai);

        var conversation = await CallAsync(Ccai, "CreateChat", ct => channel.StartAsync(Customer, ct), c => "chat " + c.Id, cancellationToken).ConfigureAwait(false);
        var chatId = CcaiConversationChannel.GetChatId(conversation);
        await CallAsync(Ccai, "GetChat", ct => ccai.GetChatAsync(chatId, ct), chat => $"status {chat.Status}, lang {chat.Lang}", cancellationToken).ConfigureAwait(false);
        await CallAsync(Ccai, "SendMessage", ct => channel.SendMessageAsync(conversation, "Hi, my order has not arrived yet.", ct), "text message sent", cancellationToken).ConfigureAwait(false);

        await CallAsync(Ccai, "GetCustomerFlags", ct => ccai.GetCustomerFlagsAsync(chatId, ct), DescribeFlags, cancellationToken).ConfigureAwait(false);
        var flags = new CustomerFlags { VerifiedCustomer = true, RepeatCustomer = true };
        await CallAsync(Ccai, "UpdateCustomerFlags", ct => ccai.UpdateCustomerFlagsAsync(chatId, flags, ct), "verified, repeat customer", cancellationToken).ConfigureAwait(false);

        // The body is the union CustomDataRequest: UnsignedCustomData ({"signed": false, "data"}) or
        // SignedCustomData ({"signed": true, "signed_data"}), so it never carries neither or both.
        var order = new CcaiCustomData().Add("order_id", "A-1001", "Order").Add("order_total", 59.9, "Order total");
        CustomDataRequest unsigned = order.ToUnsignedRequest();
        await CallAsync(Ccai, "SendCustomData", ct => ccai.SendCustomDataAsync(chatId, unsigned, ct), "unsigned: order_id, order_total", cancellationToken).ConfigureAwait(false);
        if (_settings.CcaiSigningSecret is { } secret)
        {
            var verified = new CcaiCustomData().Add("loyalty_tier", "gold", "Loyalty tier").VerifiedCustomer(true);
            CustomDataRequest signed = verified.ToSignedRequest(secret, _time.GetUtcNow(), SignedDataLifetime);
            await CallAsync(Ccai, "SendCustomData", ct => ccai.SendCustomDataAsync(chatId, signed, ct), "signed (HS256 JWT): loyalty_tier, reserved_verified_customer", cancellationToken).ConfigureAwait(false);
        }
        else
        {
            WriteLine($"{Ccai,-8} {"SendCustomData",-OperationWidth} skipped: set {DemoSettings.CcaiSigningSecretVariable} to send signed custom data");
        }

        var endUser = new UpdateEndUserRequest { Identifier = "customer-1234", Name = "Jan Kowalski", Email = Customer.Email, Phone = Customer.Phone };
        await CallAsync(Ccai, "UpdateEndUser", ct => ccai.UpdateEndUserAsync(chatId, endUser, ct), accepted => "end user " + accepted.Message, cancellationToken).ConfigureAwait(false);

        // CcaiMediaUploader.UploadPhotoAsync/UploadVideoAsync make these four calls in one; the demo
        // makes them one at a time so that each gets its own line.
        var photoUpload = await CallAsync(Ccai, "CreatePhotoUpload", ct => ccai.CreatePhotoUploadAsync(chatId, ct), DescribeUpload, cancellationToken).ConfigureAwait(false);
        var photoKey = await StoreAsync(uploader, photoUpload, SampleMedia.Photo, SampleMedia.PhotoFileName, cancellationToken).ConfigureAwait(false);
        var photo = new AddPhotosRequest { Photo = [new PhotoAttachment { S3Path = photoKey, PhotoType = "image/jpeg" }] };
        await CallAsync(Ccai, "AddPhotos", ct => ccai.AddPhotosAsync(chatId, photo, ct), media => "media " + media.MediaId, cancellationToken).ConfigureAwait(false);
        await CallAsync(Ccai, "ListPhotos", ct => ccai.ListPhotosAsync(chatId, ct), list => Count(list.Count, "photo"), cancellationToken).ConfigureAwait(false);

        var videoUpload = await CallAsync(Ccai, "CreateVideoUpload", ct => ccai.CreateVideoUploadAsync(chatId, ct), DescribeUpload, cancellationToken).ConfigureAwait(false);
        var videoKey = await StoreAsync(uploader, videoUpload, SampleMedia.Video, SampleMedia.VideoFileName, cancellationToken).ConfigureAwait(false);
        var video = new AddVideoRequest { Video = new VideoAttachment { S3Path = videoKey } };
        await CallAsync(Ccai, "AddVideo", ct => ccai.AddVideoAsync(chatId, video, ct), media => "media " + media.MediaId, cancellationToken).ConfigureAwait(false);
        await CallAsync(Ccai, "ListVideos", ct => ccai.ListVideosAsync(chatId, ct), list => Count(list.Count, "video"), cancellationToken).ConfigureAwait(false);

        var escalate = new CreateEscalationRequest { Reason = EscalationReason.ByEndUserAsk };
        var escalation = await CallAsync(Ccai, "CreateEscalation", ct => ccai.CreateEscalationAsync(chatId, escalate, ct), DescribeEscalation, cancellationToken).ConfigureAwait(false);
        var escalationId = escalation.Id ?? throw Stop(Ccai, "CreateEscalation", "the answer carries no escalation id");
        var deflect = new UpdateEscalationRequest { DeflectionChannel = "sms" };
        await CallAsync(Ccai, "UpdateEscalation", ct => ccai.UpdateEscalationAsync(chatId, escalationId, deflect, ct), DescribeEscalation, cancellationToken).ConfigureAwait(false);

        await CallAsync(Ccai, "UpdateChat", ct => channel.EndAsync(conversation, ct), "status " + CcaiConversationChannel.FinishedStatus, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunLiveDeskAsync(VendorConnection connection, CancellationToken cancellationToken)
    {
        var client = new LiveDeskClient(_http, new LiveDeskClientOptions { BaseAddress = connection.BaseAddress, Username = connection.Username, Password = connection.Password });
        var channel = new LiveDeskConversationChannel(client, _settings.LiveDeskInboxId);
        var email = Customer.Email!;

        // LiveDeskContacts.FindOrCreateAsync searches and, when the customer has no contact yet, creates it;
        // the demo makes the calls one at a time so that each gets its own line. LiveDesk refuses a second
        // contact with the same e-mail, so a second run finds the contact the first one created.
        var search = new SearchContactsParameters { Q = email };
        var found = await CallAsync(LiveDesk, "SearchContacts", ct => client.SearchContactsAsync(search, ct), list => $"{Count(list.Meta?.Count ?? 0, "contact")} matching {email}", cancellationToken).ConfigureAwait(false);
        var contact = found.Payload?.FirstOrDefault(c => string.Equals(c.Email, email, StringComparison.OrdinalIgnoreCase));
        if (contact is null)
        {
            var name = Customer.FirstName + " " + Customer.LastName;
            var newContact = new CreateContactRequest { InboxId = _settings.LiveDeskInboxId, Name = name, Email = email, PhoneNumber = Customer.Phone, Identifier = Customer.CustomerReference };
            var created = await CallAsync(LiveDesk, "CreateContact", ct => client.CreateContactAsync(newContact, ct), r => $"contact {r.Payload?.Contact?.Id} ({name})", cancellationToken).ConfigureAwait(false);
            contact = created.Payload?.Contact ?? throw Stop(LiveDesk, "CreateContact", "the answer carries no payload.contact");
        }
        else
        {
            WriteLine($"{LiveDesk,-8} {"CreateContact",-OperationWidth} skipped: {email} is contact {contact.Id} already");
        }

        var contactId = contact.Id ?? throw Stop(LiveDesk, "SearchContacts", "the contact carries no id");

        // The whole contact list, sorted by name: ListContactsAllAsync asks for page=1, 2, ... until meta.count contacts
        // have come (LiveDeskContacts.ListAllAsync is built on it); one line per page.
        var everyone = new ListContactsParameters { Sort = ContactSort.Name, Direction = SortDirection.Asc, IncludeContactInboxes = false };
        var listed = await PagesAsync(LiveDesk, "ListContacts", client.ListContactsAllAsync(everyone), DescribeContactPage, cancellationToken).ConfigureAwait(false);
        if (!listed.Any(c => c.Id == contactId))
        {
            throw Stop(LiveDesk, "ListContacts", $"contact {contactId} is not on any of the pages");
        }

        // The same list filtered by labels, sent as labels[]=vip&labels[]=returning (LiveDeskContacts.ListByLabelsAsync
        // pages through it). The demo's own contact has none: labels are set by agents in LiveDesk.
        var labelled = new ListContactsParameters { Labels = ContactLabels, IncludeContactInboxes = false };
        var labels = string.Join(" or ", ContactLabels);
        await CallAsync(LiveDesk, "ListContacts", ct => client.ListContactsAsync(labelled, ct), list => $"{Count(list.Meta?.Count ?? 0, "contact")} labelled {labels}", cancellationToken).ConfigureAwait(false);

        // LiveDesk documents no end operation (channel.Capabilities lacks End): the conversation stays open.
        var conversation = await CallAsync(LiveDesk, "CreateConversation", ct => channel.StartForContactAsync(contactId, ct), c => $"conversation {c.Id} for contact {contactId} (stays open: LiveDesk has no end operation)", cancellationToken).ConfigureAwait(false);
        await CallAsync(LiveDesk, "SendMessage", ct => channel.SendMessageAsync(conversation, "Hi Jan, your parcel left the warehouse today.", ct), "text message sent", cancellationToken).ConfigureAwait(false);
        await CallAsync(LiveDesk, "SendMessage", ct => channel.SendPrivateNoteAsync(conversation, "Order A-1001, courier notified.", ct), note => $"private note {note.Id}", cancellationToken).ConfigureAwait(false);

        // Send Message's multipart variant: the text part, then the receipt as an attachments[] file part.
        var receipt = new FileContent(SampleMedia.Photo, SampleMedia.PhotoFileName, SampleMedia.PhotoContentType);
        await CallAsync(LiveDesk, "SendMessageWithAttachments", ct => channel.SendFileAsync(conversation, receipt, "Here is your receipt.", ct), DescribeAttachments, cancellationToken).ConfigureAwait(false);
        var conversationId = LiveDeskConversationChannel.GetConversationId(conversation);
        // ListMessagesAllAsync pages back: each next request's before is the id of the oldest message read; an empty page ends.
        await PagesAsync(LiveDesk, "ListMessages", client.ListMessagesAllAsync(conversationId), page => DescribeMessages(page.Body), cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> StoreAsync(CcaiMediaUploader uploader, PresignedUpload upload, byte[] file, string fileName, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(file, writable: false);
        return await CallAsync(Ccai, "UploadToStorage", ct => uploader.PostToStorageAsync(upload, content, fileName, ct), key => $"{fileName} ({file.Length} bytes) stored as {key}", cancellationToken).ConfigureAwait(false);
    }

    private Task CallAsync(string vendor, string operation, Func<CancellationToken, Task> call, string note, CancellationToken cancellationToken) =>
        CallAsync(
            vendor,
            operation,
            async ct =>
            {
                await call(ct).ConfigureAwait(false);
                return true;
            },
            _ => note,
            cancellationToken);

    /// <summary>Makes one call and writes its line; on failure writes the failure line and stops the flow.</summary>
    private async Task<T> CallAsync<T>(string vendor, string operation, Func<CancellationToken, Task<T>> call, Func<T, string> describe, CancellationToken cancellationToken)
    {
        _recorder.Clear();
        var started = _time.GetTimestamp();
        T result;
        try
        {
            result = await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (FailureReason(ex, cancellationToken) is { } reason)
        {
            throw Stop(vendor, operation, reason);
        }

        WriteCallLine(vendor, operation, started, describe(result));
        return result;
    }

    /// <summary>
    /// Pages through a paged endpoint's <c>...AllAsync</c> (<c>AsPages()</c>): one line per page, each timed from the end
    /// of the one before, as <see cref="CallAsync{T}"/> writes one per call.
    /// </summary>
    /// <returns>Every item of every page.</returns>
    private async Task<List<TItem>> PagesAsync<TItem, TPage>(string vendor, string operation, ApiPageable<TItem, TPage> pageable, Func<ApiPage<TItem, TPage>, string> describe, CancellationToken cancellationToken)
    {
        var items = new List<TItem>();
        await using var pages = pageable.AsPages().GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            _recorder.Clear();
            var started = _time.GetTimestamp();
            try
            {
                if (!await pages.MoveNextAsync().ConfigureAwait(false))
                {
                    return items;
                }
            }
            catch (Exception ex) when (FailureReason(ex, cancellationToken) is { } reason)
            {
                throw Stop(vendor, operation, reason);
            }

            items.AddRange(pages.Current.Items);
            WriteCallLine(vendor, operation, started, describe(pages.Current));
        }
    }

    /// <summary>Why a call failed, as its FAILED line says it; <see langword="null"/> for an exception that is not the call's failure.</summary>
    private string? FailureReason(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        // Detail is the vendor's own message (Thulium's errors[].message, CCAI's message, LiveDesk's error).
        ApiException ex => $"{(int)ex.StatusCode} {ex.ReasonPhrase}: {ex.Detail ?? (string.IsNullOrWhiteSpace(ex.ResponseBody) ? "(the response carries no error message)" : Shorten(ex.ResponseBody))}",

        // The library refuses an answer it cannot use, such as a created chat without an id, or pages that would not end.
        InvalidOperationException ex => $"{_recorder.Last?.ToString() ?? "no response"}: {ex.Message}",
        HttpRequestException ex => "no response: " + ex.Message,
        TaskCanceledException when !cancellationToken.IsCancellationRequested => $"no response within {RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
        _ => null,
    };

    private void WriteCallLine(string vendor, string operation, long started, string description)
    {
        var elapsed = Milliseconds(_time.GetElapsedTime(started));
        var status = _recorder.Last?.ToString() ?? "(no response)";
        _calls++;
        WriteLine($"{vendor,-8} {operation,-OperationWidth} {status,-12} {elapsed,5} ms  {description}");
    }

    /// <summary>Writes the failure line; the caller throws the returned exception to unwind the flow.</summary>
    private FlowStoppedException Stop(string vendor, string operation, string reason)
    {
        WriteLine($"FAILED {vendor} {operation}: {reason}");
        return new FlowStoppedException();
    }

    /// <summary>Writes one line: line breaks in vendor messages are flattened, and no configured secret ever reaches the output.</summary>
    private void WriteLine(string line)
    {
        line = line.ReplaceLineEndings(" ");
        foreach (var secret in _settings.Secrets)
        {
            line = line.Replace(secret, "***", StringComparison.Ordinal);
        }

        _output.WriteLine(line);
    }

    private static string DescribeFlags(CustomerFlags flags) =>
        $"verified {Flag(flags.VerifiedCustomer)}, bad actor {Flag(flags.BadActor)}, repeat {Flag(flags.RepeatCustomer)}";

    private static string Flag(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => "unknown",
    };

    private static string DescribeUpload(PresignedUpload upload) => Count(upload.Fields.Count, "form field") + " for the storage POST";

    private static string DescribeContactPage(ApiPage<Contact, ContactList> page) =>
        $"page {page.PageNumber} shows {page.Items.Count} of {Count(page.Body.Meta?.Count ?? 0, "contact")}" + (page.Items.Count == 0 ? string.Empty : $": {page.Items[0].Name} to {page.Items[^1].Name}");

    private static string DescribeMessages(MessageList list)
    {
        var messages = list.Payload ?? [];
        var notes = messages.Count(m => m.Private == true);
        var withFiles = messages.Count(m => m.Attachments is { Count: > 0 });
        var kinds = new List<string>();
        if (notes > 0)
        {
            kinds.Add(Count(notes, "private note"));
        }

        if (withFiles > 0)
        {
            kinds.Add($"{withFiles.ToString(CultureInfo.InvariantCulture)} with files");
        }

        return Count(messages.Count, "message") + (kinds.Count == 0 ? string.Empty : $" ({string.Join(", ", kinds)})");
    }

    private static string DescribeAttachments(Message message)
    {
        var files = (message.Attachments ?? []).Select(a => $"{FileName(a.DataUrl)} ({a.FileType?.Value ?? "file"}, {a.FileSize?.ToString(CultureInfo.InvariantCulture) ?? "?"} bytes)");
        return $"message {message.Id} with " + string.Join(", ", files);
    }

    /// <summary>The last segment of an attachment's data_url, which LiveDesk names after the file.</summary>
    private static string FileName(string? dataUrl) =>
        Uri.TryCreate(dataUrl, UriKind.Absolute, out var url) ? Uri.UnescapeDataString(url.Segments[^1]) : "(no data_url)";

    private static string DescribeEscalation(Escalation escalation) => $"escalation {escalation.Id}, status {escalation.Status}";

    private static string Count(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    private static long Milliseconds(TimeSpan elapsed) => (long)elapsed.TotalMilliseconds;

    /// <summary>An undocumented error body (a proxy's HTML page, say) is shown only as far as one line needs.</summary>
    private static string Shorten(string body)
    {
        const int MaxLength = 200;
        body = body.Trim();
        return body.Length <= MaxLength ? body : body[..MaxLength] + "…";
    }

    /// <summary>Unwinds the flow after its failure line was written.</summary>
    private sealed class FlowStoppedException : Exception
    {
    }
}
