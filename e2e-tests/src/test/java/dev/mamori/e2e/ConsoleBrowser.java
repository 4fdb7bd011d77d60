package dev.mamori.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's chromium and chromium-driver packages) driven through Selenium, with a fresh profile
 * per person: nothing is downloaded at test time (Selenium Manager is never asked, the driver is given). On a machine
 * without the packages the tests install them when they run as root, and otherwise fail saying so: never skipped.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    final WebDriverWait wait;
    private final ChromeDriverService service;
    private final Path profile;

    private ConsoleBrowser(ChromeDriverService service, WebDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    static ConsoleBrowser open() throws IOException {
        ensureInstalled();
        Path profile = Files.createTempDirectory("mamori-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--lang=ja",
                "--user-data-dir=" + profile);
        // Downloads land in the profile's own folder, without a prompt, where a test can read them.
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory",
                        profile.resolve("downloads").toString(),
                        "download.prompt_for_download",
                        false));
        return new ConsoleBrowser(service, new ChromeDriver(service, options), profile);
    }

    /** Signs in at Keycloak's page as a demo person (password = user name) and lands on the console's worklist. */
    ConsoleBrowser signIn(String consoleUrl, String username) {
        driver.get(consoleUrl + "/requests");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(username);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in-as")));
        return this;
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("mamori.root", ".")).resolve("docs/screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits for a finished download whose name ends with {@code suffix}; answers its path. */
    Path awaitDownload(String suffix) throws InterruptedException, IOException {
        Path dir = profile.resolve("downloads");
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    var done = files.filter(p -> p.getFileName().toString().endsWith(suffix))
                            .findFirst();
                    if (done.isPresent()) {
                        return done.get();
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no download ending in " + suffix + " in " + dir);
    }

    String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Installs Debian's chromium and chromium-driver when missing and we are root (as bench/run does with wrk). */
    static synchronized void ensureInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("The console's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver). Install them: sudo apt-get install -y"
                    + " chromium chromium-driver");
        }
        run(List.of("apt-get", "update"));
        run(List.of("apt-get", "install", "-y", "chromium", "chromium-driver"));
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("apt-get installed chromium and chromium-driver, but " + CHROMIUM + " or "
                    + CHROMEDRIVER + " is still missing");
        }
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", command) + " failed; install chromium and" + " chromium-driver yourself");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing chromium", e);
        }
    }
}
