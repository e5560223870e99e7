package dev.lucidscim.camel.springboot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare Spring Boot application: the starter on the classpath and properties are all it gets. */
@SpringBootApplication
public class StarterTestApplication {
}
