package org.custodian;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** GDAL's command-line programs as tests run them: output and errors together, failing on a non-zero exit. */
public final class Gdal {

    private Gdal() {}

    public static String ogrinfo(String... arguments) {
        return run("ogrinfo", arguments);
    }

    public static String ogr2ogr(String... arguments) {
        return run("ogr2ogr", arguments);
    }

    /** The options that make GDAL sign in with HTTP Basic, to add after a program's other arguments. */
    public static String[] signedIn(String user, String password) {
        return new String[] {
            "--config", "GDAL_HTTP_AUTH", "BASIC", "--config", "GDAL_HTTP_USERPWD", user + ":" + password
        };
    }

    /** The arguments followed by {@code more}. */
    public static String[] with(String[] arguments, String... more) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Runs {@code program} and answers what it printed; fails the test if it fails or takes over a minute. */
    public static String run(String program, String... arguments) {
        Ran ran = execute(program, arguments);
        assertThat(ran.exit()).as(ran.command() + "\n" + ran.output()).isZero();
        return ran.output();
    }

    /** Runs {@code program} expecting it to fail; answers what it printed. */
    public static String refused(String program, String... arguments) {
        Ran ran = execute(program, arguments);
        assertThat(ran.exit()).as(ran.command() + "\n" + ran.output()).isNotZero();
        return ran.output();
    }

    private record Ran(String command, int exit, String output) {}

    private static Ran execute(String program, String... arguments) {
        List<String> command = new ArrayList<>(List.of(program));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("GDAL's " + program + " is not installed: apt-get install gdal-bin", e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as(program + " finished")
                    .isTrue();
            return new Ran(String.join(" ", command), process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
