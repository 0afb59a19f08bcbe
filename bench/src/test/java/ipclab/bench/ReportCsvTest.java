package ipclab.bench;

import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench's CSV keeps every field whole: commas, quotes and newlines in a name or a note. */
class ReportCsvTest {

    @Test
    void aNoteWithNewlinesCommasAndQuotesReadsBackWhole(@TempDir Path out) throws Exception {
        var why = "too large for a queue,\n\"msgmax\" is 8192";
        var result = new Result(Result.Section.values()[0], "queue, \"sysv\"", Result.Language.JAVA, "mq", 65536, 1,
                new Result.Skipped(why));
        var file = out.resolve("ipc-bench.csv");
        Report.csv(java.util.List.of(result), file);
        try (var parser = CSVParser.parse(file, java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).isEqualTo(Report.CSV_HEADER);
            var records = parser.getRecords();
            assertThat(records).hasSize(1);
            assertThat(records.getFirst().get("mechanism")).isEqualTo("queue, \"sysv\"");
            assertThat(records.getFirst().get("note")).isEqualTo(why);
        }
    }
}
