// A case system's view of benefit-rules serve: java.net.http only, no library. Evaluates a household,
// reads a field of the answer, sends a bad household and reads the error, and talks to the batch
// route line by line. Prints what it found; exits non-zero on anything unexpected.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Client {
  static void check(boolean ok, String what) {
    if (!ok) {
      System.err.println("FAILED: " + what);
      System.exit(1);
    }
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return m.find() ? m.group(1) : null;
  }

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String household = Files.readString(Path.of(args[1]));
    HttpClient http = HttpClient.newHttpClient();

    String body = "{\"month\":\"2024-05\",\"household\":" + household + "}";
    HttpResponse<String> ok = http.send(
        HttpRequest.newBuilder(URI.create(base + "/v1/evaluate")).header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    check(ok.statusCode() == 200, "evaluate status " + ok.statusCode());
    System.out.println("total " + field(ok.body(), "totalMonthlyAmount"));

    HttpResponse<String> bad = http.send(
        HttpRequest.newBuilder(URI.create(base + "/v1/evaluate")).POST(HttpRequest.BodyPublishers.ofString("{\"month\":\"2024-05\",\"household\":{\"id\":\"x\"}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    check(bad.statusCode() == 400, "bad household status " + bad.statusCode());
    System.out.println("error " + field(bad.body(), "code") + " " + field(bad.body(), "path"));

    String lines = household.replace("\n", " ") + "\n" + "not json\n";
    HttpResponse<java.util.stream.Stream<String>> batch = http.send(
        HttpRequest.newBuilder(URI.create(base + "/v1/evaluate/batch?month=2024-05")).POST(HttpRequest.BodyPublishers.ofString(lines)).build(),
        HttpResponse.BodyHandlers.ofLines());
    List<String> records = batch.body().toList();
    check(batch.statusCode() == 200 && records.size() == 2, "batch records " + records.size());
    System.out.println("batch " + records.get(0).substring(0, 20) + " | " + records.get(1).substring(0, 21));
  }
}
