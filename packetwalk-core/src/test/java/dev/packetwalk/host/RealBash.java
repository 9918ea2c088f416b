package dev.packetwalk.host;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The oracle for shell behaviour: the machine's own bash, fed a script on stdin. */
final class RealBash {
    /** What one run printed and returned. */
    record Result(String out, String err, int status) {
    }

    private RealBash() {
    }

    static boolean available() {
        return new File("/bin/bash").canExecute();
    }

    static Result run(String script) {
        try {
            Path dir = Files.createTempDirectory("pw-bash");
            Path outFile = dir.resolve("out");
            Path errFile = dir.resolve("err");
            ProcessBuilder pb = new ProcessBuilder("bash").directory(dir.toFile())
                    .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            Map<String, String> env = pb.environment();
            env.clear();
            env.put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
            env.put("LC_ALL", "C.UTF-8");
            env.put("HOME", "/root");
            Process p = pb.start();
            p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("bash did not finish: " + script);
            }
            Result r = new Result(Files.readString(outFile), Files.readString(errFile), p.exitValue());
            Files.delete(outFile);
            Files.delete(errFile);
            Files.delete(dir);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
