// A compact source file (Java 25): no package, no class, top-level methods and an instance main.
import module java.base;

List<Double> parse(String line) {
    var numbers = new ArrayList<Double>();
    for (String word : line.trim().split("\\s+")) {
        try {
            numbers.add(Double.parseDouble(word));
        } catch (NumberFormatException _) {
            throw new IllegalArgumentException("not a number: " + word);
        }
    }
    return numbers;
}

double mean(List<Double> values) {
    return values.stream().mapToDouble(d -> d).average().orElseThrow();
}

double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
}

double variance(List<Double> values) {
    double m = mean(values);
    return values.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / values.size();
}

void main() {
    var values = parse(IO.readln());
    IO.println(mean(values) + " " + median(values) + " " + variance(values));
}
