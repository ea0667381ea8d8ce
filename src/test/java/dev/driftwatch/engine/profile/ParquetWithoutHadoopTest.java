package dev.driftwatch.engine.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet reader runs on a class path without Hadoop, as it does in the service's jar (Hadoop is only a
 * compile-time and test dependency). The reader is loaded in a class loader that holds the test class path less
 * every Hadoop jar and the native Snappy codec.
 */
class ParquetWithoutHadoopTest {
    @TempDir
    Path folder;

    @Test
    void readsSnappyParquetWithNoHadoopClassInReach() throws Exception {
        Path parquet = ParquetFiles.fromCsv(TestSnapshots.resource("datasets/pima/diabetes.csv"),
                folder.resolve("diabetes.parquet"), CompressionCodecName.SNAPPY, 4096);
        try (URLClassLoader loader = new URLClassLoader(classPathWithoutHadoop(), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("org.apache.hadoop.conf.Configuration"))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> loader.loadClass("org.xerial.snappy.Snappy")).isInstanceOf(ClassNotFoundException.class);

            Class<?> sinkType = loader.loadClass("dev.driftwatch.engine.read.RowSink");
            AtomicLong rows = new AtomicLong();
            AtomicLong glucose = new AtomicLong();
            List<Object> problems = new ArrayList<>();
            Object sink = Proxy.newProxyInstance(loader, new Class<?>[] {sinkType}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "accept" -> {
                        rows.incrementAndGet();
                        Object value = args[0].getClass().getMethod("get", String.class).invoke(args[0], "Glucose");
                        glucose.addAndGet(Long.parseLong((String) value));
                    }
                    case "reject" -> problems.add(args[0]);
                    default -> {
                    }
                }
                return null;
            });
            Class<?> readerType = loader.loadClass("dev.driftwatch.engine.read.parquet.ParquetRowReader");
            Object reader = readerType.getConstructor().newInstance();
            readerType.getMethod("read", Path.class, String.class, String.class, sinkType)
                    .invoke(reader, parquet, "diabetes.parquet", "all", sink);

            // awk -F, 'NR>1{s+=$2; n++} END{print n, s}' diabetes.csv: 768 92847
            assertThat(rows.get()).isEqualTo(768);
            assertThat(glucose.get()).isEqualTo(92847);
            assertThat(problems).isEmpty();
        }
    }

    private static URL[] classPathWithoutHadoop() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("hadoop-") || name.startsWith("snappy-java") || name.equals("test-classes")) {
                continue;
            }
            urls.add(Path.of(entry).toUri().toURL());
        }
        assertThat(urls).anySatisfy(url -> assertThat(url.getPath()).contains("parquet-hadoop"));
        return urls.toArray(URL[]::new);
    }
}
