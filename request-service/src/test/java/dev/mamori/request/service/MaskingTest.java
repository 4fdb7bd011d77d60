package dev.mamori.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void shouldKeepTheFirstCharacterAndTheDomainOfAnEmail() {
        assertEquals("t***@example.jp", Masking.email("taro@example.jp"));
        assertEquals("t***@example.jp", Masking.email("t@example.jp"));
        assertEquals("***", Masking.email("@example.jp"));
        assertNull(Masking.email(null));
    }

    @Test
    void shouldKeepOnlyTheLastFourDigitsOfAPhoneNumber() {
        assertEquals("***-****-5678", Masking.phone("090-1234-5678"));
        assertEquals("+**-**-****-5678", Masking.phone("+81-90-1234-5678"));
        assertEquals("***", Masking.phone("***").substring(0, 3));
    }

    @Test
    void shouldHideAPostalAddressWholeAndANameButItsFirstCharacter() {
        assertEquals("***", Masking.postalAddress("東京都港区港南2-16-1"));
        assertEquals("山***", Masking.name("山田 太郎"));
        assertEquals("𠮷***", Masking.name("𠮷田"));
    }
}
